using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Tokens;

/// <summary>Scoped API tokens over HTTP, on the whole stack: issued once, narrowed by scopes and the owner's current rights.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class ApiTokenTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset InAMonth => DateTimeOffset.UtcNow.AddDays(30);

    [Fact]
    public async Task AReadTokenReadsDevicesButCannotCreateOne()
    {
        var (seeder, tenant, organization, admin) = await TenantWithAdminAsync();
        await seeder.CreateDeviceAsync(tenant, organization);
        var (_, secret) = await CreateTokenAsync(admin, tenant, ["devices:read"]);
        using var token = TokenClient(secret);

        using var devices = await token.GetAsync($"/api/tenants/{tenant}/devices", Ct);
        using var created = await token.PostAsJsonAsync($"/api/tenants/{tenant}/devices", NewDevice(organization), Ct);
        using var withSession = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/devices", NewDevice(organization), Ct);

        Assert.Equal(HttpStatusCode.OK, devices.StatusCode);
        Assert.Single((await devices.Content.ReadFromJsonAsync<JsonObject>(Ct))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withSession.StatusCode);
    }

    [Fact]
    public async Task EachScopeOpensOnlyItsRoutes()
    {
        var (seeder, tenant, organization, admin) = await TenantWithAdminAsync();
        var device = await seeder.CreateDeviceAsync(tenant, organization);
        var root = $"/api/tenants/{tenant}";
        string[] scopes = ["devices:read", "devices:write", "measurements:read", "decoders:read", "audit:read", "members:admin"];
        (string Route, string Scope)[] reads =
        [
            ($"{root}/devices", "devices:read"),
            ($"{root}/devices/{device}", "devices:read"),
            ($"{root}/devices/{device}/uplinks", "measurements:read"),
            ($"{root}/decoders", "decoders:read"),
            ($"{root}/audit", "audit:read"),
            ($"{root}/members", "members:admin"),
            ($"{root}/rejected-uplinks", "(none)"),
        ];

        var mismatches = new List<string>();
        foreach (var scope in scopes)
        {
            var (_, secret) = await CreateTokenAsync(admin, tenant, [scope]);
            using var token = TokenClient(secret);
            foreach (var (route, needed) in reads)
            {
                using var response = await token.GetAsync(route, Ct);
                var expected = needed == scope ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                if (response.StatusCode != expected)
                {
                    mismatches.Add($"{scope} on {route}: expected {expected}, got {response.StatusCode}");
                }
            }

            using var tenantRead = await token.GetAsync(root, Ct);
            if (tenantRead.StatusCode != HttpStatusCode.OK)
            {
                mismatches.Add($"{scope} on the tenant: got {tenantRead.StatusCode}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task ARevokedTokenFailsOnTheNextRequest()
    {
        var (_, tenant, _, admin) = await TenantWithAdminAsync();
        var (id, secret) = await CreateTokenAsync(admin, tenant, ["devices:read"]);
        using var token = TokenClient(secret);

        using var before = await token.GetAsync($"/api/tenants/{tenant}/devices", Ct);
        using var revoked = await admin.DeleteAsync($"/api/tenants/{tenant}/tokens/{id}", Ct);
        using var after = await token.GetAsync($"/api/tenants/{tenant}/devices", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task ADemotedOwnerDemotesTheTokenOnTheNextRequest()
    {
        var (seeder, tenant, organization, admin) = await TenantWithAdminAsync();
        var owner = await seeder.CreateUserAsync(tenant, TenantRole.Admin);
        using var ownerHttp = await seeder.LoginAsync(owner);
        var (_, secret) = await CreateTokenAsync(ownerHttp, tenant, ["devices:read", "devices:write", "members:admin"]);
        using var token = TokenClient(secret);

        using var createdBefore = await token.PostAsJsonAsync($"/api/tenants/{tenant}/devices", NewDevice(organization), Ct);
        using var membersBefore = await token.GetAsync($"/api/tenants/{tenant}/members", Ct);
        using var demoted = await admin.PatchAsJsonAsync($"/api/tenants/{tenant}/members/{owner.Id}", new { role = "Viewer" }, Ct);
        using var createdAfter = await token.PostAsJsonAsync($"/api/tenants/{tenant}/devices", NewDevice(organization), Ct);
        using var membersAfter = await token.GetAsync($"/api/tenants/{tenant}/members", Ct);
        using var devicesAfter = await token.GetAsync($"/api/tenants/{tenant}/devices", Ct);

        Assert.Equal(HttpStatusCode.Created, createdBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, membersBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        // A Viewer without grants cannot see the organization: the device endpoint answers 400 for it, as to a session.
        Assert.Equal(HttpStatusCode.BadRequest, createdAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, membersAfter.StatusCode);
        // Still a member with the read scope: the list answers, with what a Viewer without grants sees.
        Assert.Equal(HttpStatusCode.OK, devicesAfter.StatusCode);
        Assert.Empty((await devicesAfter.Content.ReadFromJsonAsync<JsonObject>(Ct))!["items"]!.AsArray());
    }

    [Fact]
    public async Task ARemovedMembersTokensStayRevokedWhenTheyAreAddedAgain()
    {
        var (seeder, tenant, _, admin) = await TenantWithAdminAsync();
        var member = await seeder.CreateUserAsync(tenant, TenantRole.Member);
        using var memberHttp = await seeder.LoginAsync(member);
        var (id, secret) = await CreateTokenAsync(memberHttp, tenant, ["devices:read"]);
        using var token = TokenClient(secret);

        using var before = await token.GetAsync($"/api/tenants/{tenant}/devices", Ct);
        using var removed = await admin.DeleteAsync($"/api/tenants/{tenant}/members/{member.Id}", Ct);
        await seeder.AddMemberAsync(tenant, member.Id, TenantRole.Member);
        using var after = await token.GetAsync($"/api/tenants/{tenant}/devices", Ct);
        var audit = await admin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/audit?action=token.revoked", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        // The removal names the token it ended in the tenant's trail.
        Assert.Equal(id, Assert.Single(audit!["items"]!.AsArray())!["targetId"]!.GetValue<string>());
    }

    [Fact]
    public async Task UseIsRecordedAsLastUsed()
    {
        var (_, tenant, _, admin) = await TenantWithAdminAsync();
        var (id, secret) = await CreateTokenAsync(admin, tenant, ["devices:read"]);
        using var token = TokenClient(secret);

        var unused = await TokenAsync(admin, tenant, id);
        using var used = await token.GetAsync($"/api/tenants/{tenant}/devices", Ct);
        var afterUse = await TokenAsync(admin, tenant, id);

        Assert.Null(unused["lastUsedAt"]);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.NotNull(afterUse["lastUsedAt"]);
    }

    [Fact]
    public async Task AnExpiredTokenIsUnauthorized()
    {
        var (seeder, tenant, _, admin) = await TenantWithAdminAsync();
        var (id, secret) = await CreateTokenAsync(admin, tenant, ["devices:read"]);
        await seeder.ExecuteAsync("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = @id", ("id", id));
        using var token = TokenClient(secret);

        using var response = await token.GetAsync($"/api/tenants/{tenant}/devices", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownAndTamperedTokensAreUnauthorized()
    {
        var (_, tenant, _, admin) = await TenantWithAdminAsync();
        var (_, secret) = await CreateTokenAsync(admin, tenant, ["devices:read"]);
        using var tampered = TokenClient(secret[..^2] + (secret[^2] == 'A' ? "BB" : "AA"));
        using var unknown = TokenClient("plt_not-a-token");

        using var tamperedResponse = await tampered.GetAsync($"/api/tenants/{tenant}/devices", Ct);
        using var unknownResponse = await unknown.GetAsync($"/api/tenants/{tenant}/devices", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, tamperedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownResponse.StatusCode);
    }

    [Fact]
    public async Task ATokenOfTenantAIsNotFoundOnTenantBAndOutsideAnyTenant()
    {
        var (seeder, tenantA, _, adminA) = await TenantWithAdminAsync();
        var tenantB = await seeder.CreateTenantAsync();
        // The owner is an admin of B too: still, the token is A's only.
        var owner = await seeder.CreateUserAsync(tenantA, TenantRole.Admin);
        await seeder.AddMemberAsync(tenantB, owner.Id, TenantRole.Admin);
        using var ownerHttp = await seeder.LoginAsync(owner);
        var (_, secret) = await CreateTokenAsync(ownerHttp, tenantA, ["devices:read"]);
        using var token = TokenClient(secret);

        using var own = await token.GetAsync($"/api/tenants/{tenantA}/devices", Ct);
        using var other = await token.GetAsync($"/api/tenants/{tenantB}/devices", Ct);
        using var me = await token.GetAsync("/api/me", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
    }

    [Fact]
    public async Task ThePlatformAdminRoleIsNotCarriedByAToken()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        using var platformAdmin = await seeder.LoginAsPlatformAdminAsync();
        var adminId = (await platformAdmin.GetFromJsonAsync<JsonObject>("/api/me", Ct))!["id"]!.GetValue<Guid>();
        await seeder.AddMemberAsync(tenant, adminId, TenantRole.Viewer);
        var (_, secret) = await CreateTokenAsync(platformAdmin, tenant, ["devices:read"]);
        using var token = TokenClient(secret);

        using var admin = await token.GetAsync("/api/admin/audit", Ct);
        using var patch = await token.PatchAsJsonAsync($"/api/tenants/{tenant}", new { name = "Renamed" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
    }

    [Fact]
    public async Task TheSecretIsShownOnceAndTheListNeverHasIt()
    {
        var (seeder, tenant, organization, admin) = await TenantWithAdminAsync();
        var member = await seeder.CreateUserAsync(tenant, TenantRole.Member);
        await seeder.GrantOrganizationAsync(tenant, organization, member.Id, OrganizationAccess.Viewer);
        using var memberHttp = await seeder.LoginAsync(member);
        var (adminToken, adminSecret) = await CreateTokenAsync(admin, tenant, ["devices:read"]);
        var (memberToken, memberSecret) = await CreateTokenAsync(memberHttp, tenant, ["devices:read"]);

        var adminList = await admin.GetStringAsync($"/api/tenants/{tenant}/tokens", Ct);
        var memberList = await memberHttp.GetStringAsync($"/api/tenants/{tenant}/tokens", Ct);
        using var foreignRevoke = await memberHttp.DeleteAsync($"/api/tenants/{tenant}/tokens/{adminToken}", Ct);

        Assert.StartsWith("plt_", adminSecret);
        Assert.DoesNotContain(adminSecret, adminList);
        Assert.DoesNotContain(memberSecret, adminList);
        Assert.DoesNotContain(memberSecret, memberList);
        // Tenant admins see all of the tenant's tokens; anyone else their own.
        Assert.Contains(adminToken, adminList);
        Assert.Contains(memberToken, adminList);
        Assert.Contains(memberToken, memberList);
        Assert.DoesNotContain(adminToken, memberList);
        Assert.Equal(HttpStatusCode.NotFound, foreignRevoke.StatusCode);
    }

    [Fact]
    public async Task CreationAndRevocationAreAuditedWithoutTheSecret()
    {
        var (_, tenant, _, admin) = await TenantWithAdminAsync();
        var (id, secret) = await CreateTokenAsync(admin, tenant, ["devices:read"]);
        using var revoked = await admin.DeleteAsync($"/api/tenants/{tenant}/tokens/{id}", Ct);

        var audit = await admin.GetStringAsync($"/api/tenants/{tenant}/audit", Ct);
        var events = JsonNode.Parse(audit)!["items"]!.AsArray()
            .Where(item => item!["targetId"]?.GetValue<string>() == id)
            .Select(item => item!["action"]!.GetValue<string>())
            .Order(StringComparer.Ordinal);

        Assert.Equal(["token.created", "token.revoked"], events);
        Assert.DoesNotContain(secret, audit);
        Assert.DoesNotContain(secret[(secret.IndexOf('_', 4) + 1)..], audit);
    }

    [Fact]
    public async Task ChangesMadeWithATokenAreAuditedWithTheOwnerAndTheToken()
    {
        var (_, tenant, organization, admin) = await TenantWithAdminAsync();
        var adminId = (await admin.GetFromJsonAsync<JsonObject>("/api/me", Ct))!["id"]!.GetValue<Guid>();
        var (id, secret) = await CreateTokenAsync(admin, tenant, ["devices:read", "devices:write"]);
        using var token = TokenClient(secret);

        using var byToken = await token.PostAsJsonAsync($"/api/tenants/{tenant}/devices", NewDevice(organization), Ct);
        using var bySession = await admin.PostAsJsonAsync($"/api/tenants/{tenant}/devices", NewDevice(organization), Ct);
        var tokenDevice = (await byToken.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<string>();
        var sessionDevice = (await bySession.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<string>();
        var audit = (await admin.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/audit", Ct))!["items"]!.AsArray();
        JsonNode Created(string device) => audit.Single(item => item!["action"]!.GetValue<string>() == "device.created"
            && item["targetId"]!.GetValue<string>() == device)!;

        Assert.Equal("ApiToken", Created(tokenDevice)["actorType"]!.GetValue<string>());
        Assert.Equal(adminId, Created(tokenDevice)["actorId"]!.GetValue<Guid>());
        Assert.Equal(id, Created(tokenDevice)["actorTokenId"]!.GetValue<string>());
        Assert.Equal("User", Created(sessionDevice)["actorType"]!.GetValue<string>());
        Assert.Equal(adminId, Created(sessionDevice)["actorId"]!.GetValue<Guid>());
        Assert.Null(Created(sessionDevice)["actorTokenId"]);
        using var verified = await admin.GetAsync($"/api/tenants/{tenant}/audit/verify", Ct);
        Assert.True((await verified.Content.ReadFromJsonAsync<JsonObject>(Ct))!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ATokenCannotManageTokens()
    {
        var (_, tenant, _, admin) = await TenantWithAdminAsync();
        var (id, secret) = await CreateTokenAsync(admin, tenant, ["devices:read", "members:admin"]);
        using var token = TokenClient(secret);

        using var list = await token.GetAsync($"/api/tenants/{tenant}/tokens", Ct);
        using var create = await token.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "child", scopes = new[] { "devices:read" }, expiresAt = InAMonth }, Ct);
        using var revoke = await token.DeleteAsync($"/api/tenants/{tenant}/tokens/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
    }

    [Fact]
    public async Task BadRequestsAreRefusedNamingTheField()
    {
        var (seeder, tenant, _, admin) = await TenantWithAdminAsync();
        using var viewer = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Viewer));
        var route = $"/api/tenants/{tenant}/tokens";

        using var tooLong = await admin.PostAsJsonAsync(route,
            new { name = "t", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(400) }, Ct);
        using var past = await admin.PostAsJsonAsync(route,
            new { name = "t", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, Ct);
        using var noExpiry = await admin.PostAsJsonAsync(route, new { name = "t", scopes = new[] { "devices:read" } }, Ct);
        using var unknownScope = await admin.PostAsJsonAsync(route,
            new { name = "t", scopes = new[] { "devices:everything" }, expiresAt = InAMonth }, Ct);
        using var noScope = await admin.PostAsJsonAsync(route, new { name = "t", scopes = Array.Empty<string>(), expiresAt = InAMonth }, Ct);
        using var beyondRights = await viewer.PostAsJsonAsync(route,
            new { name = "t", scopes = new[] { "audit:read" }, expiresAt = InAMonth }, Ct);
        var page = await admin.GetFromJsonAsync<JsonObject>(route, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("expiresat", (await tooLong.Content.ReadAsStringAsync(Ct)).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownScope.StatusCode);
        Assert.Contains("scopes", (await unknownScope.Content.ReadAsStringAsync(Ct)).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, noScope.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, beyondRights.StatusCode);
        Assert.Contains("scopes", (await beyondRights.Content.ReadAsStringAsync(Ct)).ToLowerInvariant());
        Assert.Empty(page!["items"]!.AsArray());
    }

    private async Task<(TestTenantSeeder Seeder, Guid Tenant, Guid Organization, HttpClient Admin)> TenantWithAdminAsync()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        return (seeder, tenant, organization, admin);
    }

    private static async Task<(string Id, string Secret)> CreateTokenAsync(HttpClient http, Guid tenant, string[] scopes)
    {
        using var response = await http.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "Test token", scopes, expiresAt = InAMonth }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (body["apiToken"]!["id"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    private static async Task<JsonObject> TokenAsync(HttpClient http, Guid tenant, string id)
    {
        var page = await http.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenant}/tokens", Ct);
        return page!["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == id)!.AsObject();
    }

    private HttpClient TokenClient(string secret)
    {
        var http = fixture.CreateApiClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }

    private static object NewDevice(Guid organization) => new
    {
        devEui = TestTenantSeeder.RandomDevEui(),
        name = "Token device",
        organizationId = organization,
        networkServer = new { kind = "ChirpStack", applicationId = Guid.NewGuid() },
    };
}
