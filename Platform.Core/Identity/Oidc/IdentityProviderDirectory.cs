using Microsoft.Extensions.Options;
using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// The platform provider (configuration) together with the tenants' providers (database, through
/// <see cref="ITenantIdentityProviderStore"/>). Without a registered store there are no tenant
/// providers; the store is an optional dependency only for that reason.
/// </summary>
public sealed class IdentityProviderDirectory(IOptions<PlatformOidcOptions> options, ITenantIdentityProviderStore? tenantProviders = null)
    : IIdentityProviderDirectory
{
    private readonly OidcProviderSettings? _platform = options.Value.ToSettings();

    public async ValueTask<IReadOnlyList<OidcProviderSettings>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var found = new List<OidcProviderSettings>();
        if (_platform is not null && string.Equals(_platform.Issuer, issuer, StringComparison.Ordinal))
        {
            found.Add(_platform);
        }

        if (tenantProviders is not null)
        {
            // Exact, case-sensitive: issuers are compared as strings (OpenID Connect Discovery 4.3).
            found.AddRange((await tenantProviders.FindByIssuerAsync(issuer, cancellationToken))
                .Where(provider => provider.TenantId is not null && string.Equals(provider.Issuer, issuer, StringComparison.Ordinal)));
        }

        return found;
    }

    public async ValueTask<OidcProviderSettings?> FindByIdAsync(Guid providerId, CancellationToken cancellationToken)
    {
        if (providerId == OidcProviderSettings.PlatformProviderId)
        {
            return _platform;
        }

        return tenantProviders is null ? null : await tenantProviders.FindByIdAsync(providerId, cancellationToken) is { TenantId: not null } provider
            ? provider
            : null;
    }
}
