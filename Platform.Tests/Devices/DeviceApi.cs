using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.Tests.Devices;

/// <summary>Calls of the device routes that several test classes share.</summary>
internal static class DeviceApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string RandomDevEui() => Convert.ToHexString(Guid.NewGuid().ToByteArray()[..8]);

    public static object Body(Guid organizationId, string? devEui = null, string? name = null) => new
    {
        devEui = devEui ?? RandomDevEui(),
        name = name ?? "Sensor " + Guid.NewGuid().ToString("N")[..6],
        organizationId,
        tags = new Dictionary<string, string> { ["room"] = "B12" },
        networkServer = new { kind = "ChirpStack", applicationId = Guid.NewGuid().ToString() },
    };

    /// <summary>Creates a device and returns its id, failing the test if creation does not succeed.</summary>
    public static async Task<Guid> CreateAsync(HttpClient http, Guid tenantId, Guid organizationId)
    {
        using var response = await http.PostAsJsonAsync($"/api/tenants/{tenantId}/devices", Body(organizationId), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        return body!["id"]!.GetValue<Guid>();
    }

    public static async Task<List<Guid>> ListIdsAsync(HttpClient http, Guid tenantId, string query = "")
    {
        var page = await http.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenantId}/devices{query}", Ct);
        return page!["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()).ToList();
    }

    public static async Task<HttpStatusCode> GrantAsync(HttpClient http, Guid tenantId, Guid deviceId, Guid userId, string access)
    {
        using var response = await http.PutAsJsonAsync($"/api/tenants/{tenantId}/devices/{deviceId}/grants/{userId}", new { access }, Ct);
        return response.StatusCode;
    }
}
