using Platform.Core.Identity.Providers;

namespace Platform.Core.Identity.Oidc;

/// <summary>
/// The platform-wide OpenID provider, from configuration <c>Platform:Oidc</c> (Keycloak in container
/// mode, the development provider in local mode). Without an issuer there is no platform provider.
/// </summary>
public sealed class PlatformOidcOptions
{
    public const string Section = "Platform:Oidc";

    public const string DefaultAudience = "urn:platform:api";

    public string? Issuer { get; set; }

    public string? ClientId { get; set; }

    /// <summary>"env:NAME" or "file:/path"; unset for a public client (PKCE only).</summary>
    public string? ClientSecretReference { get; set; }

    public string Audience { get; set; } = DefaultAudience;

    /// <summary>
    /// Where a sign-in may send the browser back to. Exact matches only: a prefix or pattern would let
    /// an attacker's page on an allowed host receive the code.
    /// </summary>
    public IList<string> AllowedRedirectUris { get; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Issuer) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>
    /// The platform provider as the sign-in and token validation see it: always enabled, no tenant.
    /// </summary>
    public OidcProviderSettings? ToSettings() => IsConfigured
        ? new OidcProviderSettings(OidcProviderSettings.PlatformProviderId, null, IdentityProviderKind.Oidc, Issuer!.Trim(),
            ClientId!.Trim(), string.IsNullOrWhiteSpace(ClientSecretReference) ? null : ClientSecretReference.Trim(),
            string.IsNullOrWhiteSpace(Audience) ? DefaultAudience : Audience.Trim(), IdentityProviderState.Enabled)
        : null;
}
