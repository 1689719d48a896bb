namespace Platform.Core.Identity.Providers;

/// <summary>Configuration section <c>Platform:IdentityProviders</c>: what tenants' provider settings may point at.</summary>
public sealed class IdentityProviderOptions
{
    public const string Section = "Platform:IdentityProviders";

    /// <summary>
    /// Where the operators put tenants' client secrets as files (a Kubernetes Secret volume): a tenant's
    /// <c>file:</c> references must lie under <c>{SecretDirectory}/{tenant id}/</c>. Unset: tenants cannot use
    /// <c>file:</c> references.
    /// </summary>
    public string? SecretDirectory { get; set; }

    /// <summary>
    /// Destinations identity providers may use although they are not public https hosts (then http
    /// too): <c>host:port</c>, <c>http://host:port</c> or <c>https://host:port</c>, exact host and port
    /// (see <see cref="Oidc.ProviderAllowList"/>). Empty by default: every provider, the platform's
    /// own included, is then an https host on a public address. The local stack allows its own
    /// development provider only; an in-cluster Keycloak over http would be one entry here.
    /// </summary>
    public IList<string> AllowedDestinations { get; } = [];
}
