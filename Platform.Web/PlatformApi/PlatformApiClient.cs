using System.Net.Http.Json;

namespace Platform.Web.PlatformApi;

/// <summary>The web app's typed client of platform-api.</summary>
public sealed class PlatformApiClient(HttpClient http)
{
    public Task<PlatformStatus?> GetStatusAsync(CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<PlatformStatus>("/api/status", cancellationToken);
}
