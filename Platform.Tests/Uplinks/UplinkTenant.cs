using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Devices;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Uplinks;

/// <summary>
/// A fresh tenant with a logged-in admin and one device bound to its own ChirpStack application, and
/// the calls of the uplink routes that the tests share.
/// </summary>
internal sealed record UplinkTenant(Guid TenantId, Guid OrganizationId, Guid DeviceId, string DevEui, Guid ApplicationId, HttpClient AdminHttp)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<UplinkTenant> CreateAsync(TestTenantSeeder seeder, string? devEui = null)
    {
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        var application = Guid.NewGuid();
        devEui ??= TestTenantSeeder.RandomDevEui();
        var device = await seeder.CreateDeviceAsync(tenant, organization, devEui,
            new NetworkServerBinding(NetworkServerKind.ChirpStack, application.ToString()));
        var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        return new UplinkTenant(tenant, organization, device, devEui, application, admin);
    }

    public string Route(string path) => $"/api/tenants/{TenantId}{path}";

    public string UplinksRoute => Route($"/devices/{DeviceId}/uplinks");

    /// <summary>An uplink of the device as its network server would send it, on the device's own application.</summary>
    public (string Topic, byte[] Message, Guid DeduplicationId) Uplink(uint fCnt, DateTimeOffset time, byte[]? payload = null) =>
        NetworkServerClient.ChirpStack(ApplicationId, DevEui, fCnt, payload ?? [0x01, 0x75, (byte)fCnt], time);

    /// <summary>An uplink naming the device's DevEUI that comes from another application: a binding mismatch.</summary>
    public (string Topic, byte[] Message, Guid DeduplicationId, Guid Application) ForeignUplink(uint fCnt)
    {
        var application = Guid.NewGuid();
        var (topic, message, deduplicationId) = NetworkServerClient.ChirpStack(application, DevEui, fCnt, [0x02, (byte)fCnt], DateTimeOffset.UtcNow);
        return (topic, message, deduplicationId, application);
    }

    /// <summary>An uplink of the device on its own application, padded past the 64 KiB a stored rejection keeps.</summary>
    public (string Topic, byte[] Message) OversizedUplink()
    {
        var (topic, message, _) = Uplink(1, DateTimeOffset.UtcNow);
        var padded = JsonNode.Parse(message)!;
        padded["padding"] = new string('x', 70_000);
        return (topic, System.Text.Encoding.UTF8.GetBytes(padded.ToJsonString()));
    }

    public async Task<HttpResponseMessage> RebindAsync(Guid application) =>
        await AdminHttp.PatchAsJsonAsync(Route($"/devices/{DeviceId}"),
            new { networkServer = new { kind = "ChirpStack", applicationId = application.ToString() } }, Ct);

    /// <summary>Every page of a list, following its cursors.</summary>
    public static async Task<List<JsonObject>> AllPagesAsync(HttpClient http, string route, int limit)
    {
        var items = new List<JsonObject>();
        var separator = route.Contains('?') ? '&' : '?';
        string? cursor = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonObject>(
                $"{route}{separator}limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), Ct);
            items.AddRange(page!["items"]!.AsArray().Select(item => item!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return items;
    }

    /// <summary>
    /// Waits until the storage has written the rejection of a message on this topic, then finds it in
    /// a rejected-uplink list (newest first, so it is near the top even of a busy platform list).
    /// </summary>
    public static async Task<JsonObject> RejectionAsync(PlatformAppFixture fixture, HttpClient http, string listRoute, string topic)
    {
        var stored = new StoredUplinks(fixture);
        Assert.NotEmpty(await StoredUplinks.EventuallyAsync(() => stored.RejectionsAsync(topic), rows => rows.Count > 0));
        var separator = listRoute.Contains('?') ? '&' : '?';
        string? cursor = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await http.GetFromJsonAsync<JsonObject>(
                $"{listRoute}{separator}limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), Ct);
            if (page!["items"]!.AsArray().FirstOrDefault(item => item!["topic"]!.GetValue<string>() == topic) is { } found)
            {
                return found.AsObject();
            }

            cursor = page["nextCursor"]?.GetValue<string>();
            if (cursor is null)
            {
                break;
            }
        }

        throw new InvalidOperationException($"The rejection on {topic} is stored but not in {listRoute}.");
    }
}
