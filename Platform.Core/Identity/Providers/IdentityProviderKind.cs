namespace Platform.Core.Identity.Providers;

/// <summary>How an OpenID provider names its users.</summary>
public enum IdentityProviderKind
{
    /// <summary>Any OpenID Connect provider (Keycloak, the local development provider): identity = (issuer, sub).</summary>
    Oidc = 0,

    /// <summary>
    /// Microsoft Entra ID: the issuer names the directory (<c>…/{tid}/v2.0</c>), tokens must carry a
    /// <c>tid</c> equal to the configured directory, identity = (tid, oid); the e-mail claim may be
    /// missing (fall back to preferred_username, then upn).
    /// </summary>
    EntraId = 1,
}
