using System.Net;
using System.Net.Http.Json;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

[Collection(PlatformAppCollection.Name)]
public sealed class PasswordChangeTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangingThePasswordEndsEverySessionAndTheNewPasswordWorks()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync("Password Tenant Name");
        var user = await seeder.CreateUserAsync(tenant, TenantRole.Member);
        using var first = await seeder.LoginAsync(user);
        using var second = await seeder.LoginAsync(user);
        var newPassword = "new-" + Guid.NewGuid().ToString("N");

        using var wrongCurrent = await first.PostAsJsonAsync("/api/me/password",
            new { currentPassword = "not-it-" + Guid.NewGuid(), newPassword }, Ct);
        using var tenantName = await first.PostAsJsonAsync("/api/me/password",
            new { currentPassword = TestTenantSeeder.Password, newPassword = "Password Tenant Name" }, Ct);
        using var changed = await first.PostAsJsonAsync("/api/me/password",
            new { currentPassword = TestTenantSeeder.Password, newPassword }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Contains("currentPassword", await ProblemResponses.FieldsAsync(wrongCurrent));
        Assert.Equal(HttpStatusCode.BadRequest, tenantName.StatusCode);
        Assert.Contains("newPassword", await ProblemResponses.FieldsAsync(tenantName));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me", Ct)).StatusCode);
        using var again = await seeder.LoginAsync(user.Email, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me", Ct)).StatusCode);
    }
}
