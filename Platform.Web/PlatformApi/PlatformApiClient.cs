using System.Net.Http.Json;

namespace Platform.Web.PlatformApi;

/// <summary>The web app's typed client of platform-api.</summary>
public sealed class PlatformApiClient(HttpClient http)
{
    public Task<PlatformStatus?> GetStatusAsync(CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<PlatformStatus>("/api/status", cancellationToken);

    /// <summary>What an invitation token would do; a 404 problem for any token that cannot be used.</summary>
    public Task<ApiResult<InvitationPreview>> PreviewInvitationAsync(string token, CancellationToken cancellationToken) =>
        PostAsync<InvitationPreview>("/api/invitations/preview", new { token }, cancellationToken);

    /// <param name="password">For a new or reclaimed account; null for an existing one.</param>
    /// <param name="displayName">For a new account; null otherwise.</param>
    public Task<ApiResult<InvitationAcceptance>> AcceptInvitationAsync(
        string token, string? password, string? displayName, CancellationToken cancellationToken) =>
        PostAsync<InvitationAcceptance>("/api/invitations/accept", new { token, password, displayName }, cancellationToken);

    // The token travels in the body only: request URLs are logged, bodies are not.
    private async Task<ApiResult<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken) where T : class
    {
        using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ApiResult<T>.Failure(await ApiProblem.ReadAsync(response, cancellationToken));
        }

        var value = await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new HttpRequestException($"{path} answered {(int)response.StatusCode} without a body.");
        return ApiResult<T>.Success(value);
    }
}
