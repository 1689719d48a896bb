using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Devices;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Tokens;

/// <summary>
/// A credential hands out only rights it holds: a tenant admin's <c>members:admin</c> token gives no one
/// the Admin role, no account a password, and no grant beyond its own scopes, on every route that gives
/// rights; the same request through the admin's session goes through.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class TokenGrantLimitTests(PlatformAppFixture fixture)
{
    private const string BeyondCredentialRights = "https://platform.example/problems/beyond-credential-rights";
    private const string Forbidden = "https://platform.example/problems/forbidden";

    // The role the e-mail's user holds in the tenant, the role an open invitation offers it, and whether the user exists at all.
    private const string MemberStateSql = """
        SELECT coalesce((SELECT m.role::text FROM tenant_memberships m JOIN users u ON u.id = m.user_id
                         WHERE m.tenant_id = @tenant AND u.email = @email), 'none')
            || '/' || coalesce((SELECT i.role::text FROM invitations i WHERE i.tenant_id = @tenant AND i.email = @email AND i.status = 'Open'), 'none')
            || '/' || (SELECT count(*) FROM users WHERE email = @email)::text
        """;

    // What an invitation's link is now: a resend replaces it.
    private const string InvitationStateSql = "SELECT token_id || '/' || send_count::text FROM invitations WHERE id = @invitation";

    private const string RoleStateSql = "SELECT role::text FROM tenant_memberships WHERE tenant_id = @tenant AND user_id = @user";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Every route that gives a principal rights, with every role or access level a members:admin token
    /// does not hold: the Admin role (every right of the tenant) by invitation, by resending an Admin
    /// invitation or by a role change, and every organization and device grant (they give reading
    /// devices, which the scope does not). Nobody sets another person's password any more (see
    /// <see cref="NobodySetsAnotherPersonsPasswordNeitherTokenNorSession"/>).
    /// </summary>
    public static TheoryData<string, string> RequestsBeyondTheToken()
    {
        var cases = new TheoryData<string, string>();
        cases.Add("member-invite-new", nameof(TenantRole.Admin));
        cases.Add("member-invite-existing", nameof(TenantRole.Admin));
        cases.Add("invitation-resend", nameof(TenantRole.Admin));
        foreach (var from in Enum.GetValues<TenantRole>().Where(role => role != TenantRole.Admin))
        {
            cases.Add("member-role-to-admin", from.ToString());
            cases.Add("service-account-role-to-admin", from.ToString());
        }

        cases.Add("service-account-create", nameof(TenantRole.Admin));
        foreach (var access in Enum.GetValues<OrganizationAccess>())
        {
            cases.Add("organization-grant", $"{access}");
            cases.Add("organization-grant", $"{access}+export");
        }

        foreach (var access in Enum.GetValues<DeviceAccess>())
        {
            cases.Add("device-grant", access.ToString());
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(RequestsBeyondTheToken))]
    public async Task AMembersAdminTokenIsRefusedWhatOnlyTheAdminsSessionMayGive(string route, string level)
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        using var session = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        using var token = await TokenClientAsync(session, tenant, ["members:admin"]);
        var request = await ArrangeAsync(seeder, session, tenant, organization, route, level);
        var before = await seeder.ScalarAsync<string>(request.StateSql, request.Parameters);

        using var refused = await request.SendAsync(token);
        var afterRefusal = await seeder.ScalarAsync<string>(request.StateSql, request.Parameters);
        using var allowed = await request.SendAsync(session);
        var afterSession = await seeder.ScalarAsync<string>(request.StateSql, request.Parameters);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(request.ExpectedType, problem["type"]!.GetValue<string>());
        if (request.ExpectedType == BeyondCredentialRights)
        {
            Assert.Equal(request.Field, problem["field"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        }

        Assert.Equal(before, afterRefusal);
        Assert.True(allowed.IsSuccessStatusCode, $"session: {(int)allowed.StatusCode} {await allowed.Content.ReadAsStringAsync(Ct)}");
        Assert.NotEqual(before, afterSession);
    }

    [Fact]
    public async Task ATokenWhoseScopesCoverAGrantMayGiveItAndMayAddAMemberWithoutRights()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        var device = await seeder.CreateDeviceAsync(tenant, organization);
        using var session = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        using var token = await TokenClientAsync(session, tenant,
            ["members:admin", "devices:read", "devices:write", "measurements:read", "exports:create"]);
        var colleague = await seeder.CreateUserAsync(tenant, TenantRole.Member);
        var newcomer = await seeder.CreateUserAsync();
        var root = $"/api/tenants/{tenant}";

        using var organizationGrant = await token.PutAsJsonAsync($"{root}/organizations/{organization}/grants/{colleague.Id}",
            new { access = "Manager", canExport = true }, Ct);
        using var deviceGrant = await token.PutAsJsonAsync($"{root}/devices/{device}/grants/{colleague.Id}", new { access = "Write" }, Ct);
        using var viewer = await token.PostAsJsonAsync($"{root}/members", new { email = newcomer.Email, role = "Viewer" }, Ct);

        Assert.Equal(HttpStatusCode.Created, organizationGrant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deviceGrant.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, viewer.StatusCode);
    }

    /// <summary>A password in an invitation is refused whoever sends it, and nothing is written.</summary>
    [Theory]
    [InlineData("token", "Viewer")]
    [InlineData("token", "Admin")]
    [InlineData("session", "Viewer")]
    [InlineData("session", "Admin")]
    public async Task NobodySetsAnotherPersonsPasswordNeitherTokenNorSession(string credential, string role)
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var session = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        using var token = await TokenClientAsync(session, tenant, ["members:admin"]);
        var email = $"new-{Guid.NewGuid():N}@example.com";

        using var response = await (credential == "token" ? token : session).PostAsJsonAsync($"/api/tenants/{tenant}/members",
            new { email, role, password = "pw-" + Guid.NewGuid().ToString("N") }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("password", await ProblemResponses.FieldsAsync(response), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("none/none/0", await seeder.ScalarAsync<string>(MemberStateSql, ("tenant", tenant), ("email", email)));
    }

    private static async Task<EscalationRequest> ArrangeAsync(
        TestTenantSeeder seeder, HttpClient session, Guid tenant, Guid organization, string route, string level)
    {
        var root = $"/api/tenants/{tenant}";
        switch (route)
        {
            case "member-invite-new":
            {
                var email = $"new-{Guid.NewGuid():N}@example.com";
                return new EscalationRequest(HttpMethod.Post, $"{root}/members", new { email, role = level }, MemberStateSql,
                    [("tenant", tenant), ("email", email)], BeyondCredentialRights, "role");
            }

            case "member-invite-existing":
            {
                var user = await seeder.CreateUserAsync();
                return new EscalationRequest(HttpMethod.Post, $"{root}/members", new { email = user.Email, role = level }, MemberStateSql,
                    [("tenant", tenant), ("email", user.Email)], BeyondCredentialRights, "role");
            }

            case "invitation-resend":
            {
                using var invited = await session.PostAsJsonAsync($"{root}/members",
                    new { email = $"invited-{Guid.NewGuid():N}@example.com", role = level }, Ct);
                Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
                var invitation = (await invited.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
                return new EscalationRequest(HttpMethod.Post, $"{root}/invitations/{invitation}/resend", new { }, InvitationStateSql,
                    [("invitation", invitation)], BeyondCredentialRights, "role");
            }

            case "member-role-to-admin":
            {
                var user = await seeder.CreateUserAsync(tenant, Enum.Parse<TenantRole>(level));
                return new EscalationRequest(HttpMethod.Patch, $"{root}/members/{user.Id}", new { role = "Admin" }, RoleStateSql,
                    [("tenant", tenant), ("user", user.Id)], BeyondCredentialRights, "role");
            }

            case "service-account-create":
                return new EscalationRequest(HttpMethod.Post, $"{root}/service-accounts",
                    new { name = "robot-" + Guid.NewGuid().ToString("N")[..8], role = level },
                    "SELECT count(*)::text FROM tenant_memberships WHERE tenant_id = @tenant", [("tenant", tenant)], Forbidden, null);

            case "service-account-role-to-admin":
            {
                using var created = await session.PostAsJsonAsync($"{root}/service-accounts",
                    new { name = "robot-" + Guid.NewGuid().ToString("N")[..8], role = level }, Ct);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                var account = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
                return new EscalationRequest(HttpMethod.Patch, $"{root}/service-accounts/{account}", new { role = "Admin" }, RoleStateSql,
                    [("tenant", tenant), ("user", account)], Forbidden, null);
            }

            case "organization-grant":
            {
                var user = await seeder.CreateUserAsync(tenant, TenantRole.Member);
                var canExport = level.EndsWith("+export", StringComparison.Ordinal);
                return new EscalationRequest(HttpMethod.Put, $"{root}/organizations/{organization}/grants/{user.Id}",
                    new { access = level.Replace("+export", "", StringComparison.Ordinal), canExport },
                    "SELECT coalesce(max(access::text || '/' || can_export::text), 'none') FROM organization_grants WHERE organization_id = @organization AND user_id = @user",
                    [("organization", organization), ("user", user.Id)], BeyondCredentialRights, "access");
            }

            case "device-grant":
            {
                var device = await seeder.CreateDeviceAsync(tenant, organization);
                var user = await seeder.CreateUserAsync(tenant, TenantRole.Member);
                return new EscalationRequest(HttpMethod.Put, $"{root}/devices/{device}/grants/{user.Id}", new { access = level },
                    "SELECT coalesce(max(access::text), 'none') FROM device_grants WHERE device_id = @device AND user_id = @user",
                    [("device", device), ("user", user.Id)], BeyondCredentialRights, "access");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(route), route, "No such case.");
        }
    }

    private async Task<HttpClient> TokenClientAsync(HttpClient session, Guid tenant, string[] scopes)
    {
        using var created = await session.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "Grant limit", scopes, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = fixture.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>());
        return client;
    }

    /// <summary>One request that gives rights, and the query that reads back what it changed.</summary>
    private sealed record EscalationRequest(HttpMethod Method, string Route, object Body, string StateSql,
        (string Name, object Value)[] Parameters, string ExpectedType, string? Field)
    {
        public async Task<HttpResponseMessage> SendAsync(HttpClient http)
        {
            using var message = new HttpRequestMessage(Method, Route) { Content = JsonContent.Create(Body) };
            return await http.SendAsync(message, Ct);
        }
    }
}
