using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// The token request of the authorization code flow (RFC 6749 4.1.3 with the PKCE verifier): a
/// confidential client authenticates with HTTP Basic (client_secret_basic, every provider's default),
/// a public client sends only its client_id. Returns the ID token, or null with a reason.
/// </summary>
public sealed class OidcCodeExchange(OidcMetadata metadata)
{
    public async Task<(string? IdToken, string? Failure)> ExchangeAsync(OidcProviderSettings provider, string? clientSecret, string code,
        string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetAsync(provider.Issuer, cancellationToken);
        if (string.IsNullOrEmpty(configuration.TokenEndpoint)
            || !ProviderUrl.IsAcceptable(configuration.TokenEndpoint, out _))
        {
            return (null, "the provider has no usable token endpoint");
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint);
        if (clientSecret is null)
        {
            form["client_id"] = provider.ClientId;
        }
        else
        {
            // RFC 6749 2.3.1: both parts form-urlencoded before they are joined and encoded.
            var credentials = $"{Uri.EscapeDataString(provider.ClientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await metadata.Http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The error body may echo request parts; only the status is kept.
            return (null, $"the token endpoint answered {(int)response.StatusCode}");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("id_token", out var idToken) && idToken.ValueKind == JsonValueKind.String
                ? (idToken.GetString(), null)
                : (null, "the token response has no ID token");
        }
        catch (JsonException)
        {
            return (null, "the token response is not JSON");
        }
    }
}
