using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Devices;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Devices;

/// <summary>
/// A network-server application belongs to one tenant: another tenant cannot register a device under
/// it, by creating one or by rebinding one, in any letter case the admission would match. Otherwise
/// the owner's uplinks would turn into ambiguous rejections that only platform admins see.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class ApplicationClaimTests(PlatformAppFixture fixture)
{
    private const string ClaimedType = "https://platform.example/problems/application-claimed";

    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly StoredUplinks _stored = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Route
    {
        Create,
        Update,
    }

    public enum LetterCase
    {
        Same,
        Different,
    }

    /// <summary>Every way a second tenant could bind a device to the first one's application: route × network server × letter case.</summary>
    public static TheoryData<Route, NetworkServerKind, LetterCase> TakeoverAttempts()
    {
        var attempts = new TheoryData<Route, NetworkServerKind, LetterCase>();
        foreach (var route in Enum.GetValues<Route>())
        {
            foreach (var kind in Enum.GetValues<NetworkServerKind>())
            {
                foreach (var letterCase in Enum.GetValues<LetterCase>())
                {
                    attempts.Add(route, kind, letterCase);
                }
            }
        }

        return attempts;
    }

    [Theory]
    [MemberData(nameof(TakeoverAttempts))]
    public async Task AnotherTenantCannotBindADeviceToATenantsApplicationAndTheOwnersUplinksKeepFlowing(
        Route route, NetworkServerKind kind, LetterCase letterCase)
    {
        var owner = await ClaimTenant.CreateAsync(_seeder, "Owner " + Guid.NewGuid().ToString("N")[..8]);
        var application = NewApplication(kind);
        var devEui = TestTenantSeeder.RandomDevEui();
        var ownersDevice = await owner.CreateDeviceAsync(devEui, kind, application);
        var intruder = await ClaimTenant.CreateAsync(_seeder, "Intruder " + Guid.NewGuid().ToString("N")[..8]);
        var attempted = letterCase == LetterCase.Same ? application : application.ToUpperInvariant();

        HttpResponseMessage refused;
        Guid? intrudersDevice = null;
        if (route == Route.Create)
        {
            refused = await intruder.PostDeviceAsync(devEui, kind, attempted);
        }
        else
        {
            intrudersDevice = await intruder.CreateDeviceAsync(devEui, kind, NewApplication(kind));
            refused = await intruder.Http.PatchAsJsonAsync(intruder.Route($"/devices/{intrudersDevice}"),
                new { networkServer = new { kind = kind.ToString(), applicationId = attempted } }, Ct);
        }

        var problem = await refused.Content.ReadAsStringAsync(Ct);
        // Checked before publishing: had the binding been taken, the owner's uplink would never arrive.
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(ClaimedType, JsonNode.Parse(problem)!["type"]!.GetValue<string>());
        Assert.Contains(attempted, problem, StringComparison.OrdinalIgnoreCase);
        var uplink = await PublishOwnersUplinkAsync(kind, application, devEui);
        var stored = await StoredUplinks.EventuallyAsync(() => _stored.CountAsync(ownersDevice), count => count > 0);
        var intrudersDevices = await intruder.Http.GetFromJsonAsync<JsonObject>(intruder.Route("/devices"), Ct);
        var intrudersRejections = await intruder.Http.GetStringAsync(intruder.Route("/rejected-uplinks"), Ct);

        Assert.Equal(1, stored);
        Assert.Empty(await _stored.RejectionsAsync(uplink));
        // Nothing of the owner in what the intruder hears or sees, and its own device kept its binding.
        foreach (var answer in new[] { problem, intrudersDevices!.ToJsonString(), intrudersRejections })
        {
            Assert.DoesNotContain(owner.TenantId.ToString(), answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(owner.Name, answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ownersDevice.ToString(), answer, StringComparison.OrdinalIgnoreCase);
        }

        var bindings = intrudersDevices["items"]!.AsArray().Select(item => item!["networkServer"]!["applicationId"]!.GetValue<string>());
        Assert.DoesNotContain(bindings, binding => string.Equals(binding, application, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(route == Route.Create ? 0 : 1, intrudersDevices["items"]!.AsArray().Count);
        refused.Dispose();
    }

    [Fact]
    public async Task ConcurrentFirstRegistrationsOfOneApplicationByTwoTenantsEndWithExactlyOneOwner()
    {
        using var admin = await _seeder.LoginAsPlatformAdminAsync();
        var tenants = new[]
        {
            await ClaimTenant.CreateAsync(_seeder, "Racer A " + Guid.NewGuid().ToString("N")[..8]),
            await ClaimTenant.CreateAsync(_seeder, "Racer B " + Guid.NewGuid().ToString("N")[..8]),
        };

        // Bounded: a few rounds, each a fresh application both tenants register under at once.
        for (var round = 0; round < 6; round++)
        {
            var kind = round % 2 == 0 ? NetworkServerKind.ChirpStack : NetworkServerKind.TheThingsStack;
            var application = NewApplication(kind);
            var responses = await Task.WhenAll(tenants.Select(tenant =>
                tenant.PostDeviceAsync(TestTenantSeeder.RandomDevEui(), kind, round % 4 < 2 ? application : application.ToUpperInvariant())));
            var winners = tenants.Where((_, index) => responses[index].StatusCode == HttpStatusCode.Created).ToList();
            var statuses = responses.Select(response => response.StatusCode).Order().ToList();
            var claim = await ClaimOfAsync(admin, kind, application);
            foreach (var response in responses)
            {
                response.Dispose();
            }

            Assert.Equal(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }, statuses);
            Assert.Equal(Assert.Single(winners).TenantId, claim!["tenantId"]!.GetValue<Guid>());
        }
    }

    [Fact]
    public async Task ATenantReadsOnlyItsOwnClaimsWritesNoneAndLearnsOnlyThatAnApplicationIsAnotherTenants()
    {
        var owner = await ClaimTenant.CreateAsync(_seeder, "Owner " + Guid.NewGuid().ToString("N")[..8]);
        var application = NewApplication(NetworkServerKind.ChirpStack);
        await owner.CreateDeviceAsync(TestTenantSeeder.RandomDevEui(), NetworkServerKind.ChirpStack, application);
        var other = await _seeder.CreateTenantAsync();

        await using var connection = new Npgsql.NpgsqlConnection(await fixture.ConnectionStringAsync(Core.Persistence.PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        async Task<object?> AsTenantAsync(Guid tenant, string sql)
        {
            await using var command = new Npgsql.NpgsqlCommand(
                $"SELECT set_config('platform.tenant_id', '{tenant}', false), set_config('platform.scope', '', false)", connection);
            await command.ExecuteNonQueryAsync(Ct);
            await using var query = new Npgsql.NpgsqlCommand(sql, connection);
            return await query.ExecuteScalarAsync(Ct);
        }

        var key = application.ToUpperInvariant();
        var visibleToOwner = await AsTenantAsync(owner.TenantId,
            $"SELECT count(*) FROM network_server_application_claims WHERE tenant_id <> '{owner.TenantId}' OR application_key = '{key}'");
        var visibleToOther = await AsTenantAsync(other, "SELECT count(*) FROM network_server_application_claims");
        var otherClaims = await AsTenantAsync(other, $"SELECT platform_claim_network_server_application('ChirpStack', '{key}', '{application}')");
        var ownerClaims = await AsTenantAsync(owner.TenantId, $"SELECT platform_claim_network_server_application('ChirpStack', '{key}', '{application}')");
        var insert = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => AsTenantAsync(other,
            $"INSERT INTO network_server_application_claims (network_server_kind, application_key, application_id, tenant_id) " +
            $"VALUES ('ChirpStack', '{Guid.NewGuid().ToString().ToUpperInvariant()}', 'x', '{other}')"));
        var stolen = await AsTenantAsync(other,
            $"WITH changed AS (UPDATE network_server_application_claims SET tenant_id = '{other}' RETURNING 1) SELECT count(*) FROM changed");

        // Its own claim, nothing of anyone else's.
        Assert.Equal(1L, visibleToOwner);
        Assert.Equal(0L, visibleToOther);
        Assert.False((bool)otherClaims!);
        Assert.True((bool)ownerClaims!);
        Assert.Equal("42501", insert.SqlState);
        Assert.Equal(0L, stolen);
        Assert.Equal(owner.TenantId, await _seeder.ScalarAsync<Guid>(
            "SELECT tenant_id FROM network_server_application_claims WHERE network_server_kind = 'ChirpStack' AND application_key = @key",
            ("key", key)));
    }

    [Fact]
    public async Task PlatformAdminsListAssignReassignAndReleaseApplicationsAndEachChangeIsAudited()
    {
        using var admin = await _seeder.LoginAsPlatformAdminAsync();
        var first = await ClaimTenant.CreateAsync(_seeder, "First " + Guid.NewGuid().ToString("N")[..8]);
        var second = await ClaimTenant.CreateAsync(_seeder, "Second " + Guid.NewGuid().ToString("N")[..8]);
        var application = "assigned-" + Guid.NewGuid().ToString("N")[..8] + "@acme";
        var route = $"/api/admin/network-server-applications/TheThingsStack/{Uri.EscapeDataString(application)}";

        using var byTenantAdmin = await first.Http.PutAsJsonAsync(route, new { tenantId = first.TenantId }, Ct);
        using var listedByTenantAdmin = await first.Http.GetAsync("/api/admin/network-server-applications", Ct);
        using var assigned = await admin.PutAsJsonAsync(route, new { tenantId = first.TenantId }, Ct);
        using var refusedToSecond = await second.PostDeviceAsync(TestTenantSeeder.RandomDevEui(), NetworkServerKind.TheThingsStack, application);
        using var reassigned = await admin.PutAsJsonAsync(route, new { tenantId = second.TenantId }, Ct);
        var listed = await ClaimOfAsync(admin, NetworkServerKind.TheThingsStack, application);
        using var refusedToFirst = await first.PostDeviceAsync(TestTenantSeeder.RandomDevEui(), NetworkServerKind.TheThingsStack, application);
        using var released = await admin.DeleteAsync(route, Ct);
        using var releasedAgain = await admin.DeleteAsync(route, Ct);
        using var claimedAfterRelease = await first.PostDeviceAsync(TestTenantSeeder.RandomDevEui(), NetworkServerKind.TheThingsStack, application);
        var audit = await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?limit=500", Ct);
        var target = $"TheThingsStack:{application}";
        var actions = audit!["items"]!.AsArray()
            .Where(e => e!["targetId"]?.GetValue<string>() == target)
            .Select(e => e!["action"]!.GetValue<string>()).ToList();

        Assert.Equal(HttpStatusCode.Forbidden, byTenantAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listedByTenantAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refusedToSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        Assert.Equal(second.TenantId, listed!["tenantId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.Conflict, refusedToFirst.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, releasedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Created, claimedAfterRelease.StatusCode);
        Assert.Equal(new[] { "application-claim.released", "application-claim.assigned", "application-claim.assigned" }, actions);
    }

    private static string NewApplication(NetworkServerKind kind) => kind == NetworkServerKind.ChirpStack
        ? Guid.NewGuid().ToString()
        : "sensors-" + Guid.NewGuid().ToString("N")[..8] + "@acme";

    /// <summary>The owner's uplink on its own application, exactly as its network server names it; returns the topic.</summary>
    private async Task<string> PublishOwnersUplinkAsync(NetworkServerKind kind, string application, string devEui)
    {
        string topic;
        byte[] message;
        if (kind == NetworkServerKind.ChirpStack)
        {
            (topic, message, _) = NetworkServerClient.ChirpStack(Guid.Parse(application), devEui, 1, [0x01, 0x75, 0x10], DateTimeOffset.UtcNow);
        }
        else
        {
            (topic, message, _) = NetworkServerClient.Tts(application, "eui-" + devEui, devEui, 1, [0x01, 0x75, 0x10], DateTimeOffset.UtcNow);
        }

        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        await networkServer.PublishAsync(topic, message);
        return topic;
    }

    private static async Task<JsonObject?> ClaimOfAsync(HttpClient admin, NetworkServerKind kind, string application)
    {
        var claims = await admin.GetFromJsonAsync<JsonArray>("/api/admin/network-server-applications", Ct);
        return claims!.Select(claim => claim!.AsObject()).SingleOrDefault(claim =>
            claim["kind"]!.GetValue<string>() == kind.ToString()
            && string.Equals(claim["applicationId"]!.GetValue<string>(), application, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A fresh tenant with an organization and a logged-in tenant admin.</summary>
    private sealed record ClaimTenant(Guid TenantId, string Name, Guid OrganizationId, HttpClient Http)
    {
        public static async Task<ClaimTenant> CreateAsync(TestTenantSeeder seeder, string name)
        {
            var tenant = await seeder.CreateTenantAsync(name);
            var organization = await seeder.CreateOrganizationAsync(tenant);
            var http = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
            return new ClaimTenant(tenant, name, organization, http);
        }

        public string Route(string path) => $"/api/tenants/{TenantId}{path}";

        public Task<HttpResponseMessage> PostDeviceAsync(string devEui, NetworkServerKind kind, string application) =>
            Http.PostAsJsonAsync(Route("/devices"), new
            {
                devEui,
                name = "Sensor " + Guid.NewGuid().ToString("N")[..6],
                organizationId = OrganizationId,
                networkServer = new { kind = kind.ToString(), applicationId = application },
            }, Ct);

        public async Task<Guid> CreateDeviceAsync(string devEui, NetworkServerKind kind, string application)
        {
            using var response = await PostDeviceAsync(devEui, kind, application);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
        }
    }
}
