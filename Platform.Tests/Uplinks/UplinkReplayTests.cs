using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Devices;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Uplinks;

/// <summary>
/// Replaying rejected messages end to end: real rejections from the broker, the cause fixed through
/// the API or the database, the replay through the API, and what the storage then holds.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class UplinkReplayTests(PlatformAppFixture fixture)
{
    private const string ProblemBase = "https://platform.example/problems/";

    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly StoredUplinks _stored = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APlatformAdminReplaysAnUnknownDevicesUplinkOnceTheDeviceIsRegistered()
    {
        var application = Guid.NewGuid();
        var devEui = TestTenantSeeder.RandomDevEui();
        var (topic, message, deduplicationId) = NetworkServerClient.ChirpStack(application, devEui, 5, [0x01, 0x75, 0x10], DateTimeOffset.UtcNow);
        await PublishAsync((topic, message));
        using var admin = await _seeder.LoginAsPlatformAdminAsync();
        var id = (await UplinkTenant.RejectionAsync(fixture, admin, "/api/admin/rejected-uplinks?reason=UnknownDevice", topic))["id"]!.GetValue<Guid>();
        var replay = $"/api/admin/rejected-uplinks/{id}/replay";

        using var tooEarly = await admin.PostAsync(replay, null, Ct);
        // Registered now, replayed at once: the replay must not go by what it saw a moment ago.
        var (tenant, device) = await RegisterAsync(devEui, application);
        using var accepted = await admin.PostAsync(replay, null, Ct);
        var stored = await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(deduplicationId.ToString()), count => count > 0);
        using var again = await admin.PostAsync(replay, null, Ct);
        var after = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/rejected-uplinks/{id}", Ct);
        var audited = await AuditOfAsync(admin, "/api/admin/audit", id);

        await AssertRejectedAsync(tooEarly, "UnknownDevice");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal((tenant, device, deduplicationId.ToString()),
            (body!["tenantId"]!.GetValue<Guid>(), body["deviceId"]!.GetValue<Guid>(), body["deduplicationKey"]!.GetValue<string>()));
        Assert.Equal(1, stored);
        Assert.Equal(1, await _stored.CountAsync(device));
        Assert.NotNull(after!["replayedAt"]);
        await AssertConflictAsync(again, "already replayed");
        // On the platform chain: the refusal before the registration, the replay, the refusal after it.
        Assert.Equal(["Failure", "Success", "Failure"], audited.Select(e => e["outcome"]!.GetValue<string>()).Reverse());
        Assert.Equal(device, audited.Single(e => e["outcome"]!.GetValue<string>() == "Success")["after"]!["deviceId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task AReplayOfAnUplinkThatArrivedAgainMeanwhileIsStoredOnce()
    {
        var application = Guid.NewGuid();
        var devEui = TestTenantSeeder.RandomDevEui();
        var (topic, message, deduplicationId) = NetworkServerClient.ChirpStack(application, devEui, 5, [0x01, 0x75, 0x11], DateTimeOffset.UtcNow);
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        await networkServer.PublishAsync(topic, message);
        using var admin = await _seeder.LoginAsPlatformAdminAsync();
        var id = (await UplinkTenant.RejectionAsync(fixture, admin, "/api/admin/rejected-uplinks?reason=UnknownDevice", topic))["id"]!.GetValue<Guid>();
        var (_, device) = await RegisterAsync(devEui, application);

        // The network server delivers it again; the ingestion accepts it once it has forgotten the DevEUI was unknown.
        var storedByRedelivery = await StoredUplinks.EventuallyAsync(async () =>
        {
            await networkServer.PublishAsync(topic, message);
            await Task.Delay(500, Ct);
            return await _stored.CountByKeyAsync(deduplicationId.ToString());
        }, count => count > 0);
        using var accepted = await admin.PostAsync($"/api/admin/rejected-uplinks/{id}/replay", null, Ct);
        // A later uplink of the device, once stored, means the replayed batch ahead of it in the queue was handled.
        var later = NetworkServerClient.ChirpStack(application, devEui, 6, [0x01, 0x75, 0x12], DateTimeOffset.UtcNow);
        await networkServer.PublishAsync(later.Topic, later.Message);
        await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(later.DeduplicationId.ToString()), count => count > 0);

        Assert.Equal(1, storedByRedelivery);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(1, await _stored.CountByKeyAsync(deduplicationId.ToString()));
        Assert.Equal(2, await _stored.CountAsync(device));
    }

    [Fact]
    public async Task ATenantAdminReplaysABindingMismatchOnceTheDevicesBindingIsFixedAndOnlyOnce()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var foreign = tenant.ForeignUplink(7);
        await PublishAsync((foreign.Topic, foreign.Message));
        var id = (await UplinkTenant.RejectionAsync(fixture, tenant.AdminHttp, tenant.Route("/rejected-uplinks"), foreign.Topic))["id"]!.GetValue<Guid>();
        var replay = tenant.Route($"/rejected-uplinks/{id}/replay");
        using var admin = await _seeder.LoginAsPlatformAdminAsync();

        using var stillMismatched = await tenant.AdminHttp.PostAsync(replay, null, Ct);
        using var rebound = await tenant.RebindAsync(foreign.Application);
        // Two replays at once: one goes through, the other finds it replayed.
        var racing = await Task.WhenAll(tenant.AdminHttp.PostAsync(replay, null, Ct), tenant.AdminHttp.PostAsync(replay, null, Ct));
        var stored = await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(foreign.DeduplicationId.ToString()), count => count > 0);
        using var asPlatformAdmin = await admin.PostAsync($"/api/admin/rejected-uplinks/{id}/replay", null, Ct);
        var replayed = await UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.Route("/rejected-uplinks?replayed=true"), 50);
        var audited = await AuditOfAsync(tenant.AdminHttp, tenant.Route("/audit"), id);

        await AssertRejectedAsync(stillMismatched, "BindingMismatch");
        Assert.Equal(HttpStatusCode.OK, rebound.StatusCode);
        var winner = Assert.Single(racing, response => response.StatusCode == HttpStatusCode.Accepted);
        await AssertConflictAsync(Assert.Single(racing, response => response != winner), "already replayed");
        var body = await winner.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(tenant.DeviceId, body!["deviceId"]!.GetValue<Guid>());
        Assert.Equal(foreign.DeduplicationId.ToString(), body["deduplicationKey"]!.GetValue<string>());
        Assert.Equal(1, stored);
        Assert.Equal(1, await _stored.CountAsync(tenant.DeviceId));
        // The tenant's rejections are not the platform's.
        Assert.Equal(HttpStatusCode.NotFound, asPlatformAdmin.StatusCode);
        Assert.Equal(id, Assert.Single(replayed)["id"]!.GetValue<Guid>());
        Assert.Single(audited, e => e["outcome"]!.GetValue<string>() == "Success");
        Assert.Equal(2, audited.Count(e => e["outcome"]!.GetValue<string>() == "Failure"));
        foreach (var response in racing)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AReplayThatWouldFeedAnotherTenantsDeviceIsRefusedWithoutRevealingIt()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var foreign = tenant.ForeignUplink(3);
        await PublishAsync((foreign.Topic, foreign.Message));
        var id = (await UplinkTenant.RejectionAsync(fixture, tenant.AdminHttp, tenant.Route("/rejected-uplinks"), foreign.Topic))["id"]!.GetValue<Guid>();
        // Another tenant registers the same DevEUI on the application the message came from.
        var other = await _seeder.CreateTenantAsync();
        var otherOrganization = await _seeder.CreateOrganizationAsync(other);
        var othersDevice = await _seeder.CreateDeviceAsync(other, otherOrganization, tenant.DevEui,
            new NetworkServerBinding(NetworkServerKind.ChirpStack, foreign.Application.ToString()));

        using var refused = await tenant.AdminHttp.PostAsync(tenant.Route($"/rejected-uplinks/{id}/replay"), null, Ct);
        var body = await refused.Content.ReadAsStringAsync(Ct);
        // Had the replay been published, the storage would have handled it before a later uplink of the other tenant.
        var markerApplication = Guid.NewGuid();
        var markerDevEui = TestTenantSeeder.RandomDevEui();
        var markerDevice = await _seeder.CreateDeviceAsync(other, otherOrganization, markerDevEui,
            new NetworkServerBinding(NetworkServerKind.ChirpStack, markerApplication.ToString()));
        var marker = NetworkServerClient.ChirpStack(markerApplication, markerDevEui, 1, [0x00], DateTimeOffset.UtcNow);
        await PublishAsync((marker.Topic, marker.Message));
        await StoredUplinks.EventuallyAsync(() => _stored.CountAsync(markerDevice), count => count > 0);
        var after = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route($"/rejected-uplinks/{id}"), Ct);

        // As far as this tenant's devices go, it is still a binding mismatch; nothing says who else has the DevEUI.
        await AssertRejectedAsync(refused, "BindingMismatch");
        Assert.DoesNotContain(other.ToString(), body);
        Assert.DoesNotContain(othersDevice.ToString(), body);
        Assert.Equal(0, await _stored.CountAsync(othersDevice));
        Assert.Equal(0, await _stored.CountByKeyAsync(foreign.DeduplicationId.ToString()));
        Assert.Null(after!["replayedAt"]);
    }

    [Fact]
    public async Task AMessageCutWhenItWasStoredCannotBeReplayed()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var oversized = tenant.OversizedUplink();
        await PublishAsync(oversized);
        var listed = await UplinkTenant.RejectionAsync(fixture, tenant.AdminHttp, tenant.Route("/rejected-uplinks"), oversized.Topic);

        using var refused = await tenant.AdminHttp.PostAsync(tenant.Route($"/rejected-uplinks/{listed["id"]}/replay"), null, Ct);

        Assert.True(listed["truncated"]!.GetValue<bool>());
        await AssertConflictAsync(refused, "cannot be replayed");
    }

    private async Task PublishAsync(params (string Topic, byte[] Message)[] messages)
    {
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        foreach (var (topic, message) in messages)
        {
            await networkServer.PublishAsync(topic, message);
        }
    }

    private async Task<(Guid Tenant, Guid Device)> RegisterAsync(string devEui, Guid application)
    {
        var tenant = await _seeder.CreateTenantAsync();
        var organization = await _seeder.CreateOrganizationAsync(tenant);
        var device = await _seeder.CreateDeviceAsync(tenant, organization, devEui,
            new NetworkServerBinding(NetworkServerKind.ChirpStack, application.ToString()));
        return (tenant, device);
    }

    /// <summary>The replay events of one rejection in an audit list, newest first.</summary>
    private static async Task<List<JsonObject>> AuditOfAsync(HttpClient http, string auditRoute, Guid id)
    {
        var events = await UplinkTenant.AllPagesAsync(http, auditRoute + "?action=uplink.replayed", 500);
        return events.Where(e => e["targetId"]?.GetValue<string>() == id.ToString()).ToList();
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(ProblemBase + "uplink-rejected", problem!["type"]!.GetValue<string>());
        Assert.Equal(reason, problem["reason"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response, string titlePart)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(ProblemBase + "conflict", problem!["type"]!.GetValue<string>());
        Assert.Contains(titlePart, problem["title"]!.GetValue<string>());
    }
}
