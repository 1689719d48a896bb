using System.Runtime.CompilerServices;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Devices;

/// <summary>
/// Two users logged in once per app run and shared by the device tests: the API allows few logins per
/// minute from one address, and a session is not tied to a tenant, so each test makes these users
/// members of its own fresh tenants with the roles and grants it needs.
/// </summary>
internal static class DeviceSessions
{
    private static readonly ConditionalWeakTable<PlatformAppFixture, Task<(Session Owner, Session Other)>> Cache = new();

    /// <summary><c>Owner</c> is made tenant admin by the tests; <c>Other</c> plays the role under test.</summary>
    public static Task<(Session Owner, Session Other)> GetAsync(PlatformAppFixture fixture) =>
        Cache.GetValue(fixture, LoginAsync);

    private static async Task<(Session Owner, Session Other)> LoginAsync(PlatformAppFixture fixture)
    {
        var seeder = new TestTenantSeeder(fixture);
        var owner = await seeder.CreateUserAsync();
        var other = await seeder.CreateUserAsync();
        return (new Session(owner, await seeder.LoginAsync(owner)), new Session(other, await seeder.LoginAsync(other)));
    }
}

internal sealed record Session(SeededUser User, HttpClient Http)
{
    public Guid Id => User.Id;
}
