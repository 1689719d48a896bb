namespace Platform.Core.Identity.Providers;

/// <summary>
/// The tenants' own providers as stored in <c>identity_providers</c>, looked up before any tenant is
/// known (a token names only its issuer), so the implementation reads past the tenant filter for
/// exactly these lookups and nothing else.
/// </summary>
public interface ITenantIdentityProviderStore
{
    ValueTask<IReadOnlyList<OidcProviderSettings>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken);

    ValueTask<OidcProviderSettings?> FindByIdAsync(Guid providerId, CancellationToken cancellationToken);
}
