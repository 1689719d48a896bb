using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Core.Devices;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Authorization;

/// <summary>
/// Each role-and-grant combination against each endpoint, over HTTP, with the expected answer
/// written out by hand. The policy's own unit matrix checks the rules; this checks that every
/// endpoint asks the policy the right question about the right resource.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class EndpointAuthorizationMatrixTests(PlatformAppFixture fixture)
{
    // Principals, by the order of the columns below.
    private static readonly string[] Principals =
        ["admin", "member+manager(A)", "member+editor(A)", "member+viewer(A)", "viewer+editor(A)", "member+write(device B2)", "member"];

    // The expected status per principal: A is the granted organization (device A1 in it), B the
    // other one (devices B1, B2). "ok" is 200, or 201 for a create.
    private static readonly (string Request, string[] Expected)[] Matrix =
    [
        ("GET tenant", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("PATCH tenant", ["403", "403", "403", "403", "403", "403", "403"]),
        // Its own policies are the tenant admins' to set (false: the matrix's users have no MFA).
        ("PATCH tenant settings", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET organizations", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("POST organization", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET organization A", ["ok", "ok", "ok", "ok", "ok", "404", "404"]),
        ("GET organization B", ["ok", "404", "404", "404", "404", "404", "404"]),
        ("PATCH organization A", ["ok", "ok", "403", "403", "403", "404", "404"]),
        ("GET grants of organization A", ["ok", "ok", "403", "403", "403", "404", "404"]),
        ("GET devices", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("POST device in A", ["ok", "ok", "ok", "403", "403", "400", "400"]),
        ("GET device A1", ["ok", "ok", "ok", "ok", "ok", "404", "404"]),
        ("PATCH device A1", ["ok", "ok", "ok", "403", "403", "404", "404"]),
        ("GET device B1", ["ok", "404", "404", "404", "404", "404", "404"]),
        ("GET device B2", ["ok", "404", "404", "404", "404", "ok", "404"]),
        ("PATCH device B2", ["ok", "404", "404", "404", "404", "ok", "404"]),
        ("GET grants of device A1", ["ok", "ok", "403", "403", "403", "404", "404"]),
        ("GET grants of device B2", ["ok", "404", "404", "404", "404", "403", "404"]),
        ("GET members", ["ok", "403", "403", "403", "403", "403", "403"]),
        // Adding a person sends an invitation: 202, the membership comes when it is accepted.
        ("POST member invitation", ["202", "403", "403", "403", "403", "403", "403"]),
        ("GET invitations", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET invitation I", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("POST resend of invitation I", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("POST revoke of unknown invitation", ["404", "403", "403", "403", "403", "403", "403"]),
        ("GET audit", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET audit verify", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET uplinks of device A1", ["ok", "ok", "ok", "ok", "ok", "404", "404"]),
        ("GET uplinks of device B1", ["ok", "404", "404", "404", "404", "404", "404"]),
        ("GET uplinks of device B2", ["ok", "404", "404", "404", "404", "ok", "404"]),
        ("GET rejected uplinks", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET rejected uplink R", ["ok", "403", "403", "403", "403", "403", "403"]),
        // R was replayed already: the one who may replay it hears so.
        ("POST replay of rejected uplink R", ["409", "403", "403", "403", "403", "403", "403"]),
        ("GET platform rejected uplinks", ["403", "403", "403", "403", "403", "403", "403"]),
        ("POST replay of a platform rejected uplink", ["403", "403", "403", "403", "403", "403", "403"]),
        ("GET decoders", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("POST decoder", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET decoder D", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("PATCH decoder D", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET versions of decoder D", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("POST version of decoder D", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("POST activate version 1 of decoder D", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET redecode jobs of decoder D", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("POST decoder test", ["ok", "403", "403", "403", "403", "403", "403"]),
        // Every member manages their own API tokens; tenant admins see all of the tenant's.
        ("GET tokens", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("POST token with devices:read", ["ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("POST token with audit:read", ["ok", "400", "400", "400", "400", "400", "400"]),
        ("DELETE unknown token", ["404", "404", "404", "404", "404", "404", "404"]),
        // Service accounts (S is one of the tenant's) are tenant admins' business only.
        ("GET service accounts", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("POST service account", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET service account S", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("PATCH service account S", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET tokens of service account S", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("POST token with devices:read of service account S", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("DELETE unknown service account", ["404", "403", "403", "403", "403", "403", "403"]),
        // Tenant identity providers: who may sign in and as what is member administration.
        ("GET identity providers", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("POST identity provider", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("GET identity provider P", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("PATCH identity provider P", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("POST enable of identity provider P", ["409", "403", "403", "403", "403", "403", "403"]),
        ("POST disable of identity provider P", ["ok", "403", "403", "403", "403", "403", "403"]),
        ("DELETE unknown identity provider", ["404", "403", "403", "403", "403", "403", "403"]),
        ("GET platform decoders", ["403", "403", "403", "403", "403", "403", "403"]),
        ("POST platform decoder", ["403", "403", "403", "403", "403", "403", "403"]),
    ];

    // A decoder version that compiles and whose one vector passes, so that activating it is allowed.
    private static readonly object DecoderVersion = new
    {
        codec = "JavaScript",
        script = "function decodeUplink(input) { return { data: { n: input.bytes.length } }; }",
        vectors = new[] { new { description = "one byte", fPort = 1, bytes = "00", expected = new { data = new { n = 1 } } } },
    };

    [Fact]
    public async Task EveryEndpointAnswersEachRoleAndGrantAsSpecified()
    {
        // Arrange
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organizationA = await seeder.CreateOrganizationAsync(tenant);
        var organizationB = await seeder.CreateOrganizationAsync(tenant);
        var deviceA1 = await seeder.CreateDeviceAsync(tenant, organizationA);
        var deviceB1 = await seeder.CreateDeviceAsync(tenant, organizationB);
        var deviceB2 = await seeder.CreateDeviceAsync(tenant, organizationB);
        var rejection = await seeder.CreateRejectionAsync(tenant, deviceA1, replayed: true);
        var platformRejection = await seeder.CreateRejectionAsync(null);
        var clients = new List<HttpClient>
        {
            await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin)),
            await GrantedAsync(TenantRole.Member, OrganizationAccess.Manager),
            await GrantedAsync(TenantRole.Member, OrganizationAccess.Editor),
            await GrantedAsync(TenantRole.Member, OrganizationAccess.Viewer),
            await GrantedAsync(TenantRole.Viewer, OrganizationAccess.Editor),
        };
        var deviceWriter = await seeder.CreateUserAsync(tenant, TenantRole.Member);
        await seeder.GrantDeviceAsync(tenant, deviceB2, deviceWriter.Id, DeviceAccess.Write);
        clients.Add(await seeder.LoginAsync(deviceWriter));
        clients.Add(await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Member)));

        async Task<HttpClient> GrantedAsync(TenantRole role, OrganizationAccess access)
        {
            var user = await seeder.CreateUserAsync(tenant, role);
            await seeder.GrantOrganizationAsync(tenant, organizationA, user.Id, access);
            return await seeder.LoginAsync(user);
        }

        var root = $"/api/tenants/{tenant}";
        Guid decoder;
        using (var created = await clients[0].PostAsJsonAsync($"{root}/decoders",
                   new { name = "Matrix decoder", version = DecoderVersion }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
            decoder = body!["decoder"]!["id"]!.GetValue<Guid>();
        }

        Guid serviceAccount;
        using (var created = await clients[0].PostAsJsonAsync($"{root}/service-accounts",
                   new { name = "Matrix robot", role = "Member" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
            serviceAccount = body!["id"]!.GetValue<Guid>();
        }

        Guid invitation;
        using (var created = await clients[0].PostAsJsonAsync($"{root}/members",
                   new { email = $"matrix-{Guid.NewGuid():N}@example.com", role = "Member" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
            invitation = body!["id"]!.GetValue<Guid>();
        }

        Guid provider;
        using (var created = await clients[0].PostAsJsonAsync($"{root}/identity-providers", NewIdentityProvider(), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
            provider = body!["id"]!.GetValue<Guid>();
        }

        HttpRequestMessage Build(string request) => request switch
        {
            "GET tenant" => Get(root),
            "PATCH tenant" => Json(HttpMethod.Patch, root, new { name = "Renamed" }),
            "PATCH tenant settings" => Json(HttpMethod.Patch, root, new { settings = new { requireMfa = false } }),
            "GET organizations" => Get($"{root}/organizations"),
            "POST organization" => Json(HttpMethod.Post, $"{root}/organizations", new { name = "Org " + Guid.NewGuid().ToString("N")[..8] }),
            "GET organization A" => Get($"{root}/organizations/{organizationA}"),
            "GET organization B" => Get($"{root}/organizations/{organizationB}"),
            "PATCH organization A" => Json(HttpMethod.Patch, $"{root}/organizations/{organizationA}", new { }),
            "GET grants of organization A" => Get($"{root}/organizations/{organizationA}/grants"),
            "GET devices" => Get($"{root}/devices"),
            "POST device in A" => Json(HttpMethod.Post, $"{root}/devices", new
            {
                devEui = Random.Shared.NextInt64().ToString("x16"),
                name = "Matrix device",
                organizationId = organizationA,
                networkServer = new { kind = "ChirpStack", applicationId = Guid.NewGuid() },
            }),
            "GET device A1" => Get($"{root}/devices/{deviceA1}"),
            "PATCH device A1" => Json(HttpMethod.Patch, $"{root}/devices/{deviceA1}", new { }),
            "GET device B1" => Get($"{root}/devices/{deviceB1}"),
            "GET device B2" => Get($"{root}/devices/{deviceB2}"),
            "PATCH device B2" => Json(HttpMethod.Patch, $"{root}/devices/{deviceB2}", new { }),
            "GET grants of device A1" => Get($"{root}/devices/{deviceA1}/grants"),
            "GET grants of device B2" => Get($"{root}/devices/{deviceB2}/grants"),
            "GET members" => Get($"{root}/members"),
            "POST member invitation" => Json(HttpMethod.Post, $"{root}/members",
                new { email = $"matrix-{Guid.NewGuid():N}@example.com", role = "Viewer" }),
            "GET invitations" => Get($"{root}/invitations"),
            "GET invitation I" => Get($"{root}/invitations/{invitation}"),
            "POST resend of invitation I" => new HttpRequestMessage(HttpMethod.Post, $"{root}/invitations/{invitation}/resend"),
            "POST revoke of unknown invitation" => new HttpRequestMessage(HttpMethod.Post, $"{root}/invitations/{Guid.NewGuid()}/revoke"),
            "GET audit" => Get($"{root}/audit"),
            "GET audit verify" => Get($"{root}/audit/verify"),
            "GET uplinks of device A1" => Get($"{root}/devices/{deviceA1}/uplinks"),
            "GET uplinks of device B1" => Get($"{root}/devices/{deviceB1}/uplinks"),
            "GET uplinks of device B2" => Get($"{root}/devices/{deviceB2}/uplinks"),
            "GET rejected uplinks" => Get($"{root}/rejected-uplinks"),
            "GET rejected uplink R" => Get($"{root}/rejected-uplinks/{rejection}"),
            "POST replay of rejected uplink R" => new HttpRequestMessage(HttpMethod.Post, $"{root}/rejected-uplinks/{rejection}/replay"),
            "GET platform rejected uplinks" => Get("/api/admin/rejected-uplinks"),
            "POST replay of a platform rejected uplink" => new HttpRequestMessage(HttpMethod.Post, $"/api/admin/rejected-uplinks/{platformRejection}/replay"),
            "GET decoders" => Get($"{root}/decoders"),
            "POST decoder" => Json(HttpMethod.Post, $"{root}/decoders", new { name = "Decoder " + Guid.NewGuid().ToString("N")[..8] }),
            "GET decoder D" => Get($"{root}/decoders/{decoder}"),
            "PATCH decoder D" => Json(HttpMethod.Patch, $"{root}/decoders/{decoder}", new { }),
            "GET versions of decoder D" => Get($"{root}/decoders/{decoder}/versions"),
            "POST version of decoder D" => Json(HttpMethod.Post, $"{root}/decoders/{decoder}/versions", DecoderVersion),
            "POST activate version 1 of decoder D" => new HttpRequestMessage(HttpMethod.Post, $"{root}/decoders/{decoder}/versions/1/activate"),
            "GET redecode jobs of decoder D" => Get($"{root}/decoders/{decoder}/redecode-jobs"),
            "POST decoder test" => Json(HttpMethod.Post, $"{root}/decoders/test", new { codec = "CayenneLpp", fPort = 1, bytes = "00" }),
            "GET tokens" => Get($"{root}/tokens"),
            "POST token with devices:read" => Json(HttpMethod.Post, $"{root}/tokens",
                new { name = "Matrix token", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }),
            "POST token with audit:read" => Json(HttpMethod.Post, $"{root}/tokens",
                new { name = "Matrix token", scopes = new[] { "audit:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }),
            "DELETE unknown token" => new HttpRequestMessage(HttpMethod.Delete, $"{root}/tokens/unknown"),
            "GET service accounts" => Get($"{root}/service-accounts"),
            "POST service account" => Json(HttpMethod.Post, $"{root}/service-accounts", new { name = "Robot", role = "Viewer" }),
            "GET service account S" => Get($"{root}/service-accounts/{serviceAccount}"),
            "PATCH service account S" => Json(HttpMethod.Patch, $"{root}/service-accounts/{serviceAccount}", new { }),
            "GET tokens of service account S" => Get($"{root}/service-accounts/{serviceAccount}/tokens"),
            "POST token with devices:read of service account S" => Json(HttpMethod.Post, $"{root}/service-accounts/{serviceAccount}/tokens",
                new { name = "Matrix robot token", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }),
            "DELETE unknown service account" => new HttpRequestMessage(HttpMethod.Delete, $"{root}/service-accounts/{Guid.NewGuid()}"),
            "GET identity providers" => Get($"{root}/identity-providers"),
            "POST identity provider" => Json(HttpMethod.Post, $"{root}/identity-providers", NewIdentityProvider()),
            "GET identity provider P" => Get($"{root}/identity-providers/{provider}"),
            "PATCH identity provider P" => Json(HttpMethod.Patch, $"{root}/identity-providers/{provider}", new { }),
            // Never tested: enabling is refused by the rollout, not by authorization.
            "POST enable of identity provider P" => new HttpRequestMessage(HttpMethod.Post, $"{root}/identity-providers/{provider}/enable"),
            "POST disable of identity provider P" => new HttpRequestMessage(HttpMethod.Post, $"{root}/identity-providers/{provider}/disable"),
            "DELETE unknown identity provider" => new HttpRequestMessage(HttpMethod.Delete, $"{root}/identity-providers/{Guid.NewGuid()}"),
            "GET platform decoders" => Get("/api/admin/decoders"),
            "POST platform decoder" => Json(HttpMethod.Post, "/api/admin/decoders", new { name = "Library " + Guid.NewGuid().ToString("N") }),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
        };

        // Act
        var mismatches = new List<string>();
        foreach (var (request, expected) in Matrix)
        {
            for (var column = 0; column < Principals.Length; column++)
            {
                using var message = Build(request);
                using var response = await clients[column].SendAsync(message, TestContext.Current.CancellationToken);
                var actual = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created ? "ok" : ((int)response.StatusCode).ToString();
                if (actual != expected[column])
                {
                    mismatches.Add($"{request} as {Principals[column]}: expected {expected[column]}, got {actual}");
                }
            }
        }

        clients.ForEach(client => client.Dispose());

        // Assert
        Assert.Empty(mismatches);
    }

    // A fresh issuer each time: a tenant registers an issuer once. Nothing listens there; creating does not call it.
    private static object NewIdentityProvider() => new
    {
        name = "Matrix SSO",
        kind = "Oidc",
        issuer = $"http://127.0.0.1:9/realms/{Guid.NewGuid():N}",
        clientId = "platform",
        audience = "urn:platform:api",
    };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body) };
}
