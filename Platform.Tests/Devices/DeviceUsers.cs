using Platform.Tests.Infrastructure;

namespace Platform.Tests.Devices;

/// <summary>Two fresh, logged-in users per test; the test makes them members of its tenants with the roles it needs.</summary>
internal static class DeviceUsers
{
    /// <summary><c>Owner</c> is made tenant admin by the tests; <c>Other</c> plays the role under test.</summary>
    public static async Task<(Session Owner, Session Other)> CreateAsync(PlatformAppFixture fixture)
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
