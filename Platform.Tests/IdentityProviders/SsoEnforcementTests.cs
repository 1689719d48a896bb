using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.IdentityProviders;

/// <summary>An enforced provider closes its tenant to sessions not opened through it, except the break-glass admin's; nothing of other tenants.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class SsoEnforcementTests(PlatformAppFixture fixture)
{
    private const string SsoRequired = "https://platform.example/problems/sso-required";
    private const string InvalidCredentials = "https://platform.example/problems/invalid-credentials";

    private readonly IdentityProviderFixtures _providers = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnderEnforcementOnlyTheBreakGlassAdminReachesTheTenantWithAPassword()
    {
        // Arrange
        var (tenant, admin, asAdmin) = await _providers.TenantWithAdminAsync();
        var member = await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Member);
        var secondAdmin = await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Admin);
        var otherTenant = await _providers.Seeder.CreateTenantAsync();
        var outsider = await _providers.Seeder.CreateUserAsync(otherTenant, TenantRole.Member);
        var inBoth = await _providers.Seeder.CreateUserAsync(otherTenant, TenantRole.Admin);
        await _providers.Seeder.AddMemberAsync(tenant, inBoth.Id, TenantRole.Viewer);
        using var memberSession = await _providers.Seeder.LoginAsync(member);
        using var outsiderSession = await _providers.Seeder.LoginAsync(outsider);
        var provider = await _providers.EnforcedProviderAsync(tenant, admin, asAdmin);

        // Act
        var memberLogin = await LoginAsync(member.Email, TestTenantSeeder.Password);
        var memberWrongPassword = await LoginAsync(member.Email, "wrong-" + Guid.NewGuid());
        var secondAdminLogin = await LoginAsync(secondAdmin.Email, TestTenantSeeder.Password);
        var breakGlassLogin = await LoginAsync(admin.Email, TestTenantSeeder.Password);
        var outsiderLogin = await LoginAsync(outsider.Email, TestTenantSeeder.Password);
        using var inBothSession = await _providers.Seeder.LoginAsync(inBoth);

        // Assert: a password that could reach no tenant hears where to go; a wrong one hears nothing new.
        Assert.Equal((HttpStatusCode.Unauthorized, SsoRequired), memberLogin);
        Assert.Equal((HttpStatusCode.Unauthorized, InvalidCredentials), memberWrongPassword);
        Assert.Equal((HttpStatusCode.Unauthorized, SsoRequired), secondAdminLogin);
        Assert.Equal(HttpStatusCode.OK, breakGlassLogin.Status);
        Assert.Equal(HttpStatusCode.OK, outsiderLogin.Status);
        Assert.Equal(2L, await _providers.CountAsync(
            "SELECT count(*) FROM audit_events WHERE action = 'login.refused-sso-enforced' AND tenant_id IS NULL AND target_id = ANY(@users)",
            ("users", new[] { member.Id.ToString(), secondAdmin.Id.ToString(), inBoth.Id.ToString() })));

        // The enforcing tenant refuses password sessions, those opened before included; the break-glass
        // admin's excepted. A member of another tenant keeps the password there: this tenant's admin
        // cannot close another tenant's door.
        Assert.Equal((HttpStatusCode.Forbidden, SsoRequired), await TenantRouteAsync(memberSession, tenant));
        Assert.Equal((HttpStatusCode.Forbidden, SsoRequired), await TenantRouteAsync(inBothSession, tenant));
        Assert.Equal((HttpStatusCode.OK, null), await TenantRouteAsync(inBothSession, otherTenant));
        Assert.Equal((HttpStatusCode.OK, null), await TenantRouteAsync(outsiderSession, otherTenant));
        Assert.Equal((HttpStatusCode.OK, null), await TenantRouteAsync(asAdmin, tenant));

        // Relaxed, passwords work again, and so do the sessions.
        using var relaxed = await asAdmin.PostAsync($"/api/tenants/{tenant}/identity-providers/{provider}/relax", null, Ct);
        Assert.Equal(HttpStatusCode.OK, relaxed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(member.Email, TestTenantSeeder.Password)).Status);
        Assert.Equal((HttpStatusCode.OK, null), await TenantRouteAsync(memberSession, tenant));
    }

    [Fact]
    public async Task OneProviderOfATenantIsEnforcedAtATime()
    {
        var (tenant, admin, asAdmin) = await _providers.TenantWithAdminAsync();
        var secondAdmin = await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Admin);
        await _providers.EnforcedProviderAsync(tenant, admin, asAdmin);
        var second = (await IdentityProviderFixtures.CreateAsync(asAdmin, tenant))["id"]!.GetValue<Guid>();
        await _providers.MarkTestedAsync(second);
        using var enabled = await asAdmin.PostAsync($"/api/tenants/{tenant}/identity-providers/{second}/enable", null, Ct);

        // Each with its own break-glass admin, each would lock the other's admin out of passwords.
        using var enforced = await asAdmin.PostAsJsonAsync($"/api/tenants/{tenant}/identity-providers/{second}/enforce",
            new { breakGlassUserId = secondAdmin.Id }, Ct);

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, enforced.StatusCode);
        Assert.Equal(1L, await _providers.CountAsync(
            "SELECT count(*) FROM identity_providers WHERE tenant_id = @tenant AND state = 'Enforced'", ("tenant", tenant)));
    }

    [Fact]
    public async Task AnotherTenantsAdminCannotLockOutAPlatformAdmin()
    {
        // A tenant admin can add any existing account as a member, a platform admin's too.
        var (tenant, admin, asAdmin) = await _providers.TenantWithAdminAsync();
        var platformAdmin = await _providers.Seeder.CreateUserAsync();
        await _providers.Seeder.ExecuteAsync("UPDATE users SET platform_role = 'Admin' WHERE id = @id", ("id", platformAdmin.Id));
        await _providers.Seeder.AddMemberAsync(tenant, platformAdmin.Id, TenantRole.Viewer);
        await _providers.EnforcedProviderAsync(tenant, admin, asAdmin);

        using var platform = await _providers.Seeder.LoginAsync(platformAdmin);

        // The password still opens a session; the tenant's member routes refuse it like any member's
        // password session, its platform-admin routes do not (the operators keep their tenant controls).
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, SsoRequired), await TenantRouteAsync(platform, tenant));
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/api/tenants/{tenant}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnEnabledProviderLeavesPasswordsAlone()
    {
        var (tenant, _, asAdmin) = await _providers.TenantWithAdminAsync();
        var member = await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Member);
        var provider = (await IdentityProviderFixtures.CreateAsync(asAdmin, tenant))["id"]!.GetValue<Guid>();
        await _providers.MarkTestedAsync(provider);
        using var enabled = await asAdmin.PostAsync($"/api/tenants/{tenant}/identity-providers/{provider}/enable", null, Ct);

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(member.Email, TestTenantSeeder.Password)).Status);
    }

    [Fact]
    public async Task TheBreakGlassAdminCannotBeDemotedOrRemovedWhileEnforced()
    {
        var (tenant, admin, asAdmin) = await _providers.TenantWithAdminAsync();
        var secondAdmin = await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Admin);
        // Enforcement refuses the second admin's password sessions in this tenant: they act through an
        // API token made before (tokens are explicit credentials, not ended by it).
        using var asSecondAdmin = await MembersAdminTokenClientAsync(await _providers.Seeder.LoginAsync(secondAdmin), tenant);
        var provider = await _providers.EnforcedProviderAsync(tenant, admin, asAdmin);
        var member = $"/api/tenants/{tenant}/members/{admin.Id}";

        using var demoted = await asSecondAdmin.PatchAsJsonAsync(member, new { role = "Member" }, Ct);
        using var removed = await asSecondAdmin.DeleteAsync(member, Ct);
        using var otherDemoted = await asAdmin.PatchAsJsonAsync($"/api/tenants/{tenant}/members/{secondAdmin.Id}", new { role = "Member" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherDemoted.StatusCode);
        Assert.Equal(1L, await _providers.CountAsync(
            "SELECT count(*) FROM tenant_memberships WHERE tenant_id = @tenant AND user_id = @user AND role = 'Admin'",
            ("tenant", tenant), ("user", admin.Id)));

        // Relaxed, the admin is an ordinary admin again.
        using var relaxed = await asAdmin.PostAsync($"/api/tenants/{tenant}/identity-providers/{provider}/relax", null, Ct);
        Assert.Equal(HttpStatusCode.OK, relaxed.StatusCode);
        using var asAdminAgain = await _providers.Seeder.LoginAsync(await _providers.Seeder.CreateUserAsync(tenant, TenantRole.Admin));
        using var demotedNow = await asAdminAgain.PatchAsJsonAsync(member, new { role = "Member" }, Ct);
        Assert.Equal(HttpStatusCode.OK, demotedNow.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, string? Type)> TenantRouteAsync(HttpClient session, Guid tenant)
    {
        using var response = await session.GetAsync($"/api/tenants/{tenant}/organizations", Ct);
        return (response.StatusCode, response.IsSuccessStatusCode ? null : await IdentityProviderFixtures.ProblemTypeAsync(response));
    }

    private async Task<(HttpStatusCode Status, string? Type)> LoginAsync(string email, string password)
    {
        using var http = fixture.CreateApiClient();
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        return (response.StatusCode, response.IsSuccessStatusCode ? null : await IdentityProviderFixtures.ProblemTypeAsync(response));
    }

    private async Task<HttpClient> MembersAdminTokenClientAsync(HttpClient session, Guid tenant)
    {
        using (session)
        {
            using var created = await session.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
                new { name = "break-glass test", scopes = new[] { "members:admin" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var token = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
            var client = fixture.CreateApiClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
    }
}
