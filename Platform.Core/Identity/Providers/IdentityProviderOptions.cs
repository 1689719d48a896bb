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
    /// Whether tenants may register issuers on loopback hosts (http allowed there). Only for local and
    /// test stacks: in production it would let a tenant admin make the platform call its own host's
    /// services.
    /// </summary>
    public bool AllowLoopbackIssuers { get; set; }
}
