using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Platform.Tests.Infrastructure;

/// <summary>A client of a running realm, with its secret generated for this run (null: public).</summary>
public sealed record OidcDevClient(string ClientId, string? ClientSecret, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> GrantTypes);

/// <summary>A user of a running realm, with the password generated for this run.</summary>
public sealed record OidcDevUser(string Sub, string Email, string Password, OidcUserSpec Spec);

/// <summary>
/// One realm of a running <see cref="OidcDevProvider"/>: its issuer, generated clients and users,
/// and shortcuts to get tokens from it the way a real client would.
/// </summary>
public sealed class OidcDevRealm(OidcRealmSpec spec, string issuer, IReadOnlyList<OidcDevClient> clients, IReadOnlyList<OidcDevUser> users)
{
    private static readonly HttpClient Http = new();

    public OidcRealmSpec Spec { get; } = spec;

    /// <summary>Exactly <c>http://127.0.0.1:{port}{path}</c>, without a trailing slash.</summary>
    public string Issuer { get; } = issuer;

    public string Audience => Spec.Audience;

    public IReadOnlyList<OidcDevClient> Clients { get; } = clients;

    public IReadOnlyList<OidcDevUser> Users { get; } = users;

    public string DiscoveryUrl => Issuer + "/.well-known/openid-configuration";

    public string AuthorizationEndpoint => Issuer + "/auth";

    public string TokenEndpoint => Issuer + "/token";

    public OidcDevClient Client(string clientId) => Clients.Single(c => c.ClientId == clientId);

    /// <summary>A user by sub or e-mail.</summary>
    public OidcDevUser User(string subOrEmail) =>
        Users.Single(u => u.Sub == subOrEmail || string.Equals(u.Email, subOrEmail, StringComparison.OrdinalIgnoreCase));

    /// <summary>The discovery document with its signing keys, fetched now (no caching across tests).</summary>
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancellationToken = default) =>
        OpenIdConnectConfigurationRetriever.GetAsync(DiscoveryUrl, new HttpDocumentRetriever { RequireHttps = false }, cancellationToken);

    public Uri AuthorizationUrl(
        string clientId,
        string redirectUri,
        string state,
        OidcPkce? pkce,
        string scope = "openid email profile",
        string? nonce = null,
        string? resource = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["redirect_uri"] = redirectUri,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = pkce?.Challenge,
            ["code_challenge_method"] = pkce is null ? null : "S256",
            ["resource"] = resource,
        };
        var encoded = string.Join('&', query.Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        return new Uri($"{AuthorizationEndpoint}?{encoded}");
    }

    /// <summary>Client credentials grant; <paramref name="resource"/> null = the realm's audience.</summary>
    public Task<OidcTokenResponse> ClientCredentialsTokenAsync(string clientId, string? resource = null, CancellationToken cancellationToken = default) =>
        TokenRequestAsync(Client(clientId), new Dictionary<string, string?>
        {
            ["grant_type"] = "client_credentials",
            ["resource"] = resource,
        }, cancellationToken);

    /// <summary>Redeems a code at the token endpoint (with the client's secret when it has one).</summary>
    public Task<OidcTokenResponse> ExchangeCodeAsync(string clientId, string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken = default) =>
        TokenRequestAsync(Client(clientId), new Dictionary<string, string?>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    public Task<OidcTokenResponse> RefreshAsync(string clientId, string refreshToken, CancellationToken cancellationToken = default) =>
        TokenRequestAsync(Client(clientId), new Dictionary<string, string?>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    /// <summary>
    /// A whole code + PKCE sign-in of <paramref name="subOrEmail"/> through the login form, then the
    /// code redeemed: ID token, JWT access token for the audience (or <paramref name="resource"/>), refresh token.
    /// </summary>
    public async Task<OidcTokenResponse> AuthorizationCodeTokenAsync(
        string clientId,
        string subOrEmail,
        string scope = "openid email profile",
        string? resource = null,
        CancellationToken cancellationToken = default)
    {
        var client = Client(clientId);
        var user = User(subOrEmail);
        var redirectUri = client.RedirectUris[0];
        var pkce = OidcPkce.Create();
        var state = Guid.NewGuid().ToString("N");
        using var browser = new OidcBrowser();
        var callback = await browser.SignInAsync(
            AuthorizationUrl(clientId, redirectUri, state, pkce, scope, Guid.NewGuid().ToString("N"), resource),
            user.Email, user.Password, redirectUri, cancellationToken);
        if (callback.Code is null || callback.State != state)
        {
            throw new InvalidOperationException($"The provider answered the sign-in with {callback.Error}: {callback.ErrorDescription}");
        }

        return await ExchangeCodeAsync(clientId, callback.Code, redirectUri, pkce.Verifier, cancellationToken);
    }

    /// <summary>A raw token request: the caller checks the status (e.g. an expected refusal).</summary>
    public async Task<HttpResponseMessage> PostTokenRequestAsync(OidcDevClient client, IReadOnlyDictionary<string, string?> form, CancellationToken cancellationToken = default)
    {
        var fields = form.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint);
        if (client.ClientSecret is null)
        {
            fields["client_id"] = client.ClientId;
        }
        else
        {
            // client_secret_basic: both parts form-encoded first (RFC 6749 §2.3.1).
            var basic = $"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(client.ClientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(basic)));
        }

        request.Content = new FormUrlEncodedContent(fields);
        return await Http.SendAsync(request, cancellationToken);
    }

    private async Task<OidcTokenResponse> TokenRequestAsync(OidcDevClient client, IReadOnlyDictionary<string, string?> form, CancellationToken cancellationToken)
    {
        using var response = await PostTokenRequestAsync(client, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The error body holds an error code and description, never a token.
            throw new InvalidOperationException($"Token request ({form["grant_type"]}) refused with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<OidcTokenResponse>(cancellationToken))!;
    }
}
