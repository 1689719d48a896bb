using System.Net;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>
/// TOTP secrets stay readable when the API restarts: the Data Protection key ring that encrypts
/// them is read back from PostgreSQL (and opened with the AppHost's key), not made anew.
/// </summary>
[Collection(RestartsAppCollection.Name)]
public sealed class MfaRestartTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEnrolledUserSignsInWithACodeAfterTheApiRestarts()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var account = new MfaAccount(fixture, await seeder.CreateUserAsync(tenant, TenantRole.Member));
        using var session = await account.SessionAsync();
        await account.EnrolAsync(session);

        await fixture.RestartAsync("platform-api", Ct);
        using var login = await LoginOnceListeningAsync(account);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    // Healthy may be the state from before the restart for a moment; a refused connection uses no code.
    private static async Task<HttpResponseMessage> LoginOnceListeningAsync(MfaAccount account)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await account.LoginAsync(await account.CodeAsync(0));
            }
            catch (HttpRequestException) when (attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            }
        }
    }
}
