using Platform.Core.Identity.Providers;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.IdentityProviders;

/// <summary>A tenant's provider as shown: the secret's reference, never the secret.</summary>
public sealed record IdentityProviderResponse(
    Guid Id,
    string Name,
    IdentityProviderKind Kind,
    string Issuer,
    string? EntraDirectoryId,
    string ClientId,
    string? ClientSecretReference,
    string Audience,
    IReadOnlyList<string> AllowedEmailDomains,
    bool JitEnabled,
    TenantRole DefaultRole,
    IReadOnlyList<ClaimMappingRule> MappingRules,
    IdentityProviderState State,
    Guid? BreakGlassUserId,
    DateTimeOffset? TestedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static IdentityProviderResponse From(TenantIdentityProvider provider) => new(provider.Id, provider.Name, provider.Kind,
        provider.Issuer, provider.EntraDirectoryId, provider.ClientId, provider.ClientSecretReference, provider.Audience,
        provider.AllowedEmailDomains, provider.JitEnabled, provider.DefaultRole, provider.MappingRules, provider.State,
        provider.BreakGlassUserId, provider.TestedAt, provider.CreatedAt, provider.UpdatedAt);
}
