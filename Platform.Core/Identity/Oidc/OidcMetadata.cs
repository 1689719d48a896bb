using System.Collections.Concurrent;
using System.Net;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Discovery documents and signing keys, one cache per issuer, so a provider's keys are only ever
/// used for tokens that name that issuer. Plain http is accepted for loopback issuers only (the
/// development provider); everything else must be https.
/// </summary>
public sealed class OidcMetadata : IDisposable
{
    // At most one refresh per interval for a kid nobody knows: an attacker sending made-up kids
    // must not turn the API into a discovery-request amplifier.
    private static readonly TimeSpan RefreshOnUnknownKeyInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.Ordinal);

    public OidcMetadata()
    {
        // No redirects: a discovery, key or token request goes exactly where configured.
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    /// <summary>The client for the providers' endpoints (also the token endpoint): no redirects, no cookies, no retries.</summary>
    public HttpClient Http { get; }

    /// <summary>True for http(s) issuers on 127.0.0.1, ::1 or localhost.</summary>
    public static bool IsLoopback(Uri issuer) =>
        issuer.IsLoopback || string.Equals(issuer.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(issuer.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>An issuer the platform may talk to: absolute, https or loopback http, no query or fragment.</summary>
    public static bool IsAcceptableIssuer(string? issuer, out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var parsed) || parsed.Query.Length > 0 || parsed.Fragment.Length > 0
            || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }

        if (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && IsLoopback(parsed)))
        {
            uri = parsed;
            return true;
        }

        return false;
    }

    public Task<OpenIdConnectConfiguration> GetAsync(string issuer, CancellationToken cancellationToken) =>
        ManagerFor(issuer).GetConfigurationAsync(cancellationToken);

    /// <summary>Asks for fresh keys (a token names a kid the cached set lacks); rate-limited per issuer.</summary>
    public void RequestRefresh(string issuer) => ManagerFor(issuer).RequestRefresh();

    private ConfigurationManager<OpenIdConnectConfiguration> ManagerFor(string issuer) =>
        _managers.GetOrAdd(issuer, key =>
        {
            if (!IsAcceptableIssuer(key, out var uri))
            {
                throw new InvalidOperationException("The issuer must be an absolute https URL (http only on a loopback host).");
            }

            var metadataAddress = key.TrimEnd('/') + "/.well-known/openid-configuration";
            var retriever = new HttpDocumentRetriever(Http) { RequireHttps = !IsLoopback(uri!) };
            return new ConfigurationManager<OpenIdConnectConfiguration>(metadataAddress, new OpenIdConnectConfigurationRetriever(), retriever)
            {
                RefreshInterval = RefreshOnUnknownKeyInterval,
            };
        });

    public void Dispose() => Http.Dispose();
}
