using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// The token request of the authorization code flow (RFC 6749 4.1.3 with the PKCE verifier): a
/// confidential client authenticates with HTTP Basic (client_secret_basic, every provider's default),
/// a public client sends only its client_id. Nothing is sent before the discovery document has named
/// the configured issuer and a token endpoint on its host. Returns the ID token, or null with a
/// <see cref="ProviderFailure"/> code, which never tells how the remote side answered.
/// </summary>
public sealed class OidcCodeExchange(OidcMetadata metadata, ProviderEgress egress)
{
    public async Task<(string? IdToken, string? FailureCode)> ExchangeAsync(OidcProviderSettings provider, string? clientSecret, string code,
        string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        // Vetted: the issuer matches and the token endpoint is on its host (or allowed), else this throws.
        var configuration = await metadata.GetAsync(provider.Issuer, cancellationToken);
        if (string.IsNullOrEmpty(configuration.TokenEndpoint))
        {
            return (null, ProviderFailure.DiscoveryFailed);
        }

        if (ProviderDestinationRule.EndpointProblem(new Uri(provider.Issuer), configuration.TokenEndpoint, egress.AllowList) is { } problem)
        {
            return (null, problem);
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
        try
        {
            using var response = await egress.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // Neither the status nor the body: they would tell what listens where.
                return (null, ProviderFailure.TokenExchangeFailed);
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("id_token", out var idToken) && idToken.ValueKind == JsonValueKind.String
                ? (idToken.GetString(), null)
                : (null, ProviderFailure.TokenExchangeFailed);
        }
        catch (ProviderUnusableException refused)
        {
            return (null, refused.Code);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or JsonException
                                              && !cancellationToken.IsCancellationRequested)
        {
            return (null, ProviderFailure.TokenExchangeFailed);
        }
    }
}
