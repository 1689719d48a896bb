using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Devices;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Uplinks;

/// <summary>A device's raw uplinks through the API, after real uplinks went through the broker, ingestion and storage.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class DeviceUplinksTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly StoredUplinks _stored = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Whole seconds: what the test sends is exactly what PostgreSQL keeps.
    private static DateTimeOffset Start => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());

    [Fact]
    public async Task UplinksArePagedNewestFirstWithoutRepeatsOrGapsEvenWhenTheyShareATime()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var start = Start;
        var sent = new[]
        {
            tenant.Uplink(1, start), tenant.Uplink(2, start.AddSeconds(1)), tenant.Uplink(3, start.AddSeconds(2)), tenant.Uplink(4, start.AddSeconds(2)),
        };
        await PublishAndWaitAsync(tenant, sent.Select(uplink => (uplink.Topic, uplink.Message)).ToArray());

        var walked = await UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.UplinksRoute, limit: 1);
        var whole = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.UplinksRoute, Ct);

        Assert.Equal(sent.Select(uplink => uplink.DeduplicationId.ToString()).Order(), walked.Select(Key).Order());
        Assert.Equal(walked.Select(Key), whole!["items"]!.AsArray().Select(item => Key(item!.AsObject())));
        Assert.Null(whole["nextCursor"]);
        var times = walked.Select(item => item["receivedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal([start.AddSeconds(2), start.AddSeconds(2), start.AddSeconds(1), start], times);
    }

    [Fact]
    public async Task AnUplinkShowsItsPayloadRadioAndTimes()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var time = Start;
        var (topic, message, deduplicationId) = tenant.Uplink(1842, time, [0x01, 0x75, 0x64, 0xff]);
        var before = DateTimeOffset.UtcNow;
        await PublishAndWaitAsync(tenant, (topic, message));

        var page = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.UplinksRoute, Ct);

        var uplink = Assert.Single(page!["items"]!.AsArray())!.AsObject();
        Assert.Equal(deduplicationId.ToString(), Key(uplink));
        Assert.Equal(time, uplink["receivedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1842, uplink["fCnt"]!.GetValue<long>());
        Assert.Equal(85, uplink["fPort"]!.GetValue<int>()); // the recorded uplink's port
        Assert.Equal(Convert.ToBase64String([0x01, 0x75, 0x64, 0xff]), uplink["payload"]!.GetValue<string>());
        Assert.Equal("017564ff", uplink["payloadHex"]!.GetValue<string>());
        Assert.Equal("ChirpStack", uplink["networkServer"]!["kind"]!.GetValue<string>());
        Assert.Equal(tenant.ApplicationId.ToString(), uplink["networkServer"]!["applicationId"]!.GetValue<string>());
        var gateway = Assert.Single(uplink["gateways"]!.AsArray())!;
        Assert.Equal(("0016c001f153a14c", -96, 7.5),
            (gateway["gatewayId"]!.GetValue<string>(), gateway["rssi"]!.GetValue<int>(), gateway["snr"]!.GetValue<double>()));
        var ingestedAt = uplink["ingestedAt"]!.GetValue<DateTimeOffset>();
        var storedAt = uplink["storedAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(ingestedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.InRange(storedAt, ingestedAt, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task FromAndToSelectTheNetworkServersTimeFromInclusiveToExclusive()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var start = Start;
        var sent = Enumerable.Range(0, 3).Select(i => tenant.Uplink((uint)i + 1, start.AddSeconds(i))).ToArray();
        await PublishAndWaitAsync(tenant, sent.Select(uplink => (uplink.Topic, uplink.Message)).ToArray());
        string At(int second) => Uri.EscapeDataString(start.AddSeconds(second).ToString("O"));
        // The same instant written with another offset means the same thing.
        var inBerlin = Uri.EscapeDataString(start.AddSeconds(1).ToOffset(TimeSpan.FromHours(1)).ToString("O"));

        var middle = await KeysAsync(tenant, $"?from={At(1)}&to={At(2)}");
        var fromMiddle = await KeysAsync(tenant, $"?from={inBerlin}");
        var beforeMiddle = await KeysAsync(tenant, $"?to={inBerlin}");

        string Key(int i) => sent[i].DeduplicationId.ToString();
        Assert.Equal([Key(1)], middle);
        Assert.Equal([Key(2), Key(1)], fromMiddle);
        Assert.Equal([Key(0)], beforeMiddle);
    }

    [Fact]
    public async Task WhoeverMayReadTheDeviceSeesItsUplinksAndNobodyElse()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        await PublishAndWaitAsync(tenant, ToPublish(tenant.Uplink(1, Start)));
        var viewer = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Viewer);
        await _seeder.GrantOrganizationAsync(tenant.TenantId, tenant.OrganizationId, viewer.Id, OrganizationAccess.Viewer);
        var deviceReader = await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member);
        await _seeder.GrantDeviceAsync(tenant.TenantId, tenant.DeviceId, deviceReader.Id, DeviceAccess.Read);
        using var asViewer = await _seeder.LoginAsync(viewer);
        using var asDeviceReader = await _seeder.LoginAsync(deviceReader);
        using var asMember = await _seeder.LoginAsync(await _seeder.CreateUserAsync(tenant.TenantId, TenantRole.Member));
        var otherDevice = await _seeder.CreateDeviceAsync(tenant.TenantId, tenant.OrganizationId);

        Assert.Single((await asViewer.GetFromJsonAsync<JsonObject>(tenant.UplinksRoute, Ct))!["items"]!.AsArray());
        Assert.Single((await asDeviceReader.GetFromJsonAsync<JsonObject>(tenant.UplinksRoute, Ct))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await asMember.GetAsync(tenant.UplinksRoute, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asDeviceReader.GetAsync(tenant.Route($"/devices/{otherDevice}/uplinks"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.AdminHttp.GetAsync(tenant.Route($"/devices/{Guid.NewGuid()}/uplinks"), Ct)).StatusCode);
    }

    [Fact]
    public async Task ABadRangeOrCursorIsAValidationErrorOfItsField()
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var at = Uri.EscapeDataString(Start.ToString("O"));
        var otherListsCursor = Convert.ToBase64String("o:50"u8).TrimEnd('=');

        using var backwards = await tenant.AdminHttp.GetAsync($"{tenant.UplinksRoute}?from={at}&to={at}", Ct);
        using var foreignCursor = await tenant.AdminHttp.GetAsync($"{tenant.UplinksRoute}?cursor={otherListsCursor}", Ct);
        using var tooMany = await tenant.AdminHttp.GetAsync($"{tenant.UplinksRoute}?limit=501", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("to", Assert.Single(await ProblemResponses.FieldsAsync(backwards)), ignoreCase: true);
        Assert.Equal(HttpStatusCode.BadRequest, foreignCursor.StatusCode);
        Assert.Equal("cursor", Assert.Single(await ProblemResponses.FieldsAsync(foreignCursor)), ignoreCase: true);
        Assert.Equal("limit", Assert.Single(await ProblemResponses.FieldsAsync(tooMany)), ignoreCase: true);
    }

    private static (string Topic, byte[] Message)[] ToPublish((string Topic, byte[] Message, Guid DeduplicationId) uplink) =>
        [(uplink.Topic, uplink.Message)];

    private async Task PublishAndWaitAsync(UplinkTenant tenant, params (string Topic, byte[] Message)[] uplinks)
    {
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        foreach (var (topic, message) in uplinks)
        {
            await networkServer.PublishAsync(topic, message);
        }

        Assert.Equal(uplinks.Length, await StoredUplinks.EventuallyAsync(() => _stored.CountAsync(tenant.DeviceId), count => count >= uplinks.Length));
    }

    private static async Task<List<string>> KeysAsync(UplinkTenant tenant, string query)
    {
        var page = await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.UplinksRoute + query, Ct);
        return page!["items"]!.AsArray().Select(item => Key(item!.AsObject())).ToList();
    }

    private static string Key(JsonObject uplink) => uplink["deduplicationKey"]!.GetValue<string>();
}
