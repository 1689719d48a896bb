using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// Discovery documents and signing keys, one cache per issuer, so a provider's keys are only ever
/// used for tokens that name that issuer. Fetched through <see cref="ProviderEgress"/> and vetted
/// by <see cref="VettedDiscovery"/> (issuer, endpoints on its host) before they are cached.
/// </summary>
public sealed class OidcMetadata(ProviderEgress egress)
{
    // At most one refresh per interval for a kid nobody knows: an attacker sending made-up kids
    // must not turn the API into a discovery-request amplifier.
    private static readonly TimeSpan RefreshOnUnknownKeyInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.Ordinal);

    /// <exception cref="ProviderUnusableException">The issuer may not be contacted, or its discovery failed or did not pass.</exception>
    public async Task<OpenIdConnectConfiguration> GetAsync(string issuer, CancellationToken cancellationToken)
    {
        var manager = ManagerFor(issuer);
        try
        {
            return await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not ProviderUnusableException && !cancellationToken.IsCancellationRequested)
        {
            // The manager wraps what went wrong in its own exception.
            throw ProviderUnusableException.From(exception, ProviderFailure.DiscoveryFailed);
        }
    }

    /// <summary>Asks for fresh keys (a token names a kid the cached set lacks); rate-limited per issuer.</summary>
    public void RequestRefresh(string issuer) => ManagerFor(issuer).RequestRefresh();

    private ConfigurationManager<OpenIdConnectConfiguration> ManagerFor(string issuer) =>
        _managers.GetOrAdd(issuer, key =>
        {
            if (!Uri.TryCreate(key, UriKind.Absolute, out var uri) || ProviderDestinationRule.Refusal(uri, egress.AllowList) is not null)
            {
                throw new ProviderUnusableException(ProviderFailure.DestinationNotAllowed);
            }

            var metadataAddress = key.TrimEnd('/') + "/.well-known/openid-configuration";
            return new ConfigurationManager<OpenIdConnectConfiguration>(metadataAddress, new VettedDiscovery(key, uri, egress.AllowList), egress)
            {
                RefreshInterval = RefreshOnUnknownKeyInterval,
            };
        });
}
