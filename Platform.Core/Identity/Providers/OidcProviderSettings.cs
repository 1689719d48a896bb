namespace Platform.Core.Identity.Providers;

/// <summary>
/// What the sign-in flow and the access-token validation need to know about one provider: the
/// platform's own (from configuration; <see cref="TenantId"/> null) or a tenant's (from the
/// <c>identity_providers</c> table). The client secret is never here, only its reference.
/// </summary>
/// <param name="Id">The tenant provider's id; <see cref="PlatformProviderId"/> for the platform's.</param>
/// <param name="TenantId">Null for the platform provider. A tenant provider's users and tokens act only in this tenant.</param>
/// <param name="Issuer">Exactly as the provider's discovery document and tokens state it.</param>
/// <param name="ClientSecretReference">"env:NAME" or "file:/path"; null for a public client (PKCE only).</param>
/// <param name="Audience">The <c>aud</c> the API requires of this provider's access tokens.</param>
/// <param name="EntraDirectoryId">For <see cref="IdentityProviderKind.EntraId"/>: the <c>tid</c> every token must carry.</param>
public sealed record OidcProviderSettings(
    Guid Id,
    Guid? TenantId,
    IdentityProviderKind Kind,
    string Issuer,
    string ClientId,
    string? ClientSecretReference,
    string Audience,
    IdentityProviderState State,
    string? EntraDirectoryId = null)
{
    public static readonly Guid PlatformProviderId = Guid.Empty;

    public bool IsPlatformProvider => TenantId is null;
}
