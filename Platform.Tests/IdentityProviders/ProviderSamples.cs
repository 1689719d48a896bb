using Platform.Core.Identity.Providers;
using Platform.Core.Tenancy;

namespace Platform.Tests.IdentityProviders;

/// <summary>Providers built in memory for the unit tests of the entity and the sign-in rules.</summary>
internal static class ProviderSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    public static IdentityProviderConnection Connection(string? issuer = null, IdentityProviderKind kind = IdentityProviderKind.Oidc,
        string clientId = "platform-client", string? secretReference = null) =>
        new(kind, issuer ?? "https://idp.example.com/realms/acme", clientId, secretReference, "api://" + clientId);

    public static SignInPolicy Policy(string[]? domains = null, bool jit = true, TenantRole defaultRole = TenantRole.Member,
        params ClaimMappingRule[] rules) => new(domains ?? [], jit, defaultRole, rules);

    public static TenantIdentityProvider Provider(SignInPolicy? policy = null, IdentityProviderConnection? connection = null) =>
        new(Guid.NewGuid(), "Acme SSO", connection ?? Connection(), policy ?? Policy(), Now);
}
