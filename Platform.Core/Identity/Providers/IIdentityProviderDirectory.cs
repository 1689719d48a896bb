namespace Platform.Core.Identity.Providers;

/// <summary>
/// Finds the provider a token or a sign-in belongs to: the platform provider from configuration and
/// the tenants' providers from the database (read past the tenant filter, by exact issuer or id).
/// </summary>
public interface IIdentityProviderDirectory
{
    /// <summary>Every provider with exactly this issuer (two tenants may register the same Entra directory).</summary>
    ValueTask<IReadOnlyList<OidcProviderSettings>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken);

    ValueTask<OidcProviderSettings?> FindByIdAsync(Guid providerId, CancellationToken cancellationToken);
}
