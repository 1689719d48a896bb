using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.Tests.Decoders;

/// <summary>Calls of the decoder routes and the shared decoder files that the decoder test classes use.</summary>
internal static class DecoderApi
{
    private static readonly string SharedDecoders = Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string TlvScript => File.ReadAllText(Path.Combine(SharedDecoders, "tlv-env-sensor.js"));

    public static JsonArray Vectors(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(SharedDecoders, file)))!.AsArray();

    /// <summary>The shared TLV decoder with its shared vectors: a version whose vectors all pass.</summary>
    public static object TlvVersion() => new { codec = "JavaScript", script = TlvScript, vectors = Vectors("tlv-env-sensor.vectors.json") };

    public static string UniqueName(string prefix = "Decoder") => $"{prefix} {Guid.NewGuid():N}";

    /// <summary>Creates a decoder, optionally with version 1, and returns the created body ({decoder, version}).</summary>
    public static async Task<JsonObject> CreateAsync(HttpClient http, Guid tenantId, object? version = null, string? name = null) =>
        await SendAsync(http, HttpMethod.Post, $"/api/tenants/{tenantId}/decoders",
            new { name = name ?? UniqueName(), description = "Test decoder", version }, HttpStatusCode.Created);

    /// <summary>Creates a decoder with the TLV version 1 active and returns its id.</summary>
    public static async Task<Guid> CreateActiveAsync(HttpClient http, Guid tenantId)
    {
        var id = IdOf(await CreateAsync(http, tenantId, TlvVersion()));
        await SendAsync(http, HttpMethod.Post, $"/api/tenants/{tenantId}/decoders/{id}/versions/1/activate", null, HttpStatusCode.OK);
        return id;
    }

    public static Guid IdOf(JsonObject created) => created["decoder"]!["id"]!.GetValue<Guid>();

    /// <summary>Sends a request, asserts its status (showing the body when it differs) and returns the body as JSON, or an empty object.</summary>
    public static async Task<JsonObject> SendAsync(HttpClient http, HttpMethod method, string route, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, route);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{method} {route}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }
}
