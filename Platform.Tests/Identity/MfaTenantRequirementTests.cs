using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>
/// A tenant that requires MFA: its local users without MFA may sign in, but their sessions reach
/// none of the tenant's routes until they enrol (their own routes and other tenants stay open:
/// MfaRequirementScopeTests). API tokens stay as they are (by design).
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class MfaTenantRequirementTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantAdminsSetTheRequirementAndOtherMembersCannot()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        using var member = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Member));

        using var byMember = await member.PatchAsJsonAsync($"/api/tenants/{tenant}", new { settings = new { requireMfa = true } }, Ct);
        using var renameByAdmin = await admin.PatchAsJsonAsync($"/api/tenants/{tenant}", new { name = "Renamed", settings = new { requireMfa = true } }, Ct);
        using var byAdmin = await admin.PatchAsJsonAsync($"/api/tenants/{tenant}", new { settings = new { requireMfa = true } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, renameByAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.True((await byAdmin.Content.ReadFromJsonAsync<JsonObject>(Ct))!["settings"]!["requireMfa"]!.GetValue<bool>());
        Assert.Contains("tenant.settings.changed", await TenantAuditActionsAsync(tenant));
    }

    [Fact]
    public async Task MembersWithoutMfaCanOnlyEnrolUntilTheyHaveEnrolled()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        var account = new MfaAccount(fixture, await seeder.CreateUserAsync(tenant, TenantRole.Member));
        using var openBefore = await account.SessionAsync();
        await RequireMfaAsync(admin, tenant);

        using var login = await account.LoginAsync();
        var body = (await login.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        using var session = fixture.CreateApiClient();
        session.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["token"]!.GetValue<string>());
        using var organizations = await session.GetAsync($"/api/tenants/{tenant}/organizations", Ct);
        using var elsewhere = await session.GetAsync($"/api/tenants/{Guid.NewGuid()}/organizations", Ct);
        using var token = await session.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "Not yet", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        using var openBeforeNow = await openBefore.GetAsync($"/api/tenants/{tenant}/organizations", Ct);
        using var me = await session.GetAsync("/api/me", Ct);
        var status = await session.GetFromJsonAsync<JsonObject>("/api/me/mfa", Ct);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(body["mfaEnrolmentRequired"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, organizations.StatusCode);
        Assert.Equal(MfaAccount.EnrolmentRequired, await MfaAccount.ProblemTypeAsync(organizations));
        // A tenant the user is not a member of answers as it answers anyone: the requirement is the tenant's own.
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(MfaAccount.EnrolmentRequired, await MfaAccount.ProblemTypeAsync(token));
        // The requirement reaches sessions that were open before it was set.
        Assert.Equal(MfaAccount.EnrolmentRequired, await MfaAccount.ProblemTypeAsync(openBeforeNow));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.True(status!["requiredByTenant"]!.GetValue<bool>());

        await account.EnrolAsync(session);

        using var afterEnrolment = await session.GetAsync($"/api/tenants/{tenant}/organizations", Ct);
        using var loginWithoutCode = await account.LoginAsync();
        using var loginWithCode = await account.LoginAsync(await account.CodeAsync(0));
        Assert.Equal(HttpStatusCode.OK, afterEnrolment.StatusCode);
        Assert.Equal(MfaAccount.MfaRequired, await MfaAccount.ProblemTypeAsync(loginWithoutCode));
        Assert.False((await loginWithCode.Content.ReadFromJsonAsync<JsonObject>(Ct))!["mfaEnrolmentRequired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ARestrictedSessionCanStillReadTheStatusAndLogOut()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        await RequireMfaAsync(admin, tenant);
        var account = new MfaAccount(fixture, await seeder.CreateUserAsync(tenant, TenantRole.Member));
        using var session = await account.SessionAsync();

        using var status = await session.GetAsync("/api/status", Ct);
        using var logout = await session.PostAsync("/api/auth/logout", null, Ct);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task ApiTokensOfMembersWithoutMfaKeepWorking()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        using var member = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Member));
        using var created = await member.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "Integration", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var token = fixture.CreateApiClient();
        token.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>());

        await RequireMfaAsync(admin, tenant);

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/tenants/{tenant}/devices", Ct)).StatusCode);
        Assert.Equal(MfaAccount.EnrolmentRequired, await MfaAccount.ProblemTypeAsync(await member.GetAsync($"/api/tenants/{tenant}/devices", Ct)));
    }

    [Fact]
    public async Task MembersOfOtherTenantsAreNotRestricted()
    {
        var seeder = new TestTenantSeeder(fixture);
        var strict = await seeder.CreateTenantAsync();
        var relaxed = await seeder.CreateTenantAsync();
        using var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(strict, TenantRole.Admin));
        await RequireMfaAsync(admin, strict);
        using var outsider = await seeder.LoginAsync(await seeder.CreateUserAsync(relaxed, TenantRole.Member));

        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"/api/tenants/{relaxed}/organizations", Ct)).StatusCode);
    }

    private static async Task RequireMfaAsync(HttpClient admin, Guid tenant)
    {
        using var response = await admin.PatchAsJsonAsync($"/api/tenants/{tenant}", new { settings = new { requireMfa = true } }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<string>> TenantAuditActionsAsync(Guid tenant)
    {
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        await using (var scope = new NpgsqlCommand($"SELECT set_config('platform.tenant_id', '{tenant}', false)", connection))
        {
            await scope.ExecuteNonQueryAsync(Ct);
        }

        await using var command = new NpgsqlCommand("SELECT action FROM audit_events WHERE tenant_id = @tenant", connection);
        command.Parameters.AddWithValue("tenant", tenant);
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }
}
