using System.Collections.Concurrent;
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

    public Task<OpenIdConnectConfiguration> GetAsync(string issuer, CancellationToken cancellationToken) =>
        ManagerFor(issuer).GetConfigurationAsync(cancellationToken);

    /// <summary>Asks for fresh keys (a token names a kid the cached set lacks); rate-limited per issuer.</summary>
    public void RequestRefresh(string issuer) => ManagerFor(issuer).RequestRefresh();

    private ConfigurationManager<OpenIdConnectConfiguration> ManagerFor(string issuer) =>
        _managers.GetOrAdd(issuer, key =>
        {
            if (!ProviderUrl.IsAcceptable(key, out var uri))
            {
                throw new InvalidOperationException("The issuer must be an absolute https URL (http only on a loopback host).");
            }

            var metadataAddress = key.TrimEnd('/') + "/.well-known/openid-configuration";
            var retriever = new HttpDocumentRetriever(Http) { RequireHttps = !ProviderUrl.IsLoopback(uri!) };
            return new ConfigurationManager<OpenIdConnectConfiguration>(metadataAddress, new OpenIdConnectConfigurationRetriever(), retriever)
            {
                RefreshInterval = RefreshOnUnknownKeyInterval,
            };
        });

    public void Dispose() => Http.Dispose();
}
