using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Identity.Providers;

namespace Platform.Api.Features.IdentityProviders;

/// <summary>
/// Audit records of provider changes (<c>identity-provider.created</c>, <c>.updated</c>, …): the
/// settings with the secret's reference, never its value (the API never reads it but to validate).
/// </summary>
internal static class IdentityProviderAudit
{
    public static string Snapshot(TenantIdentityProvider provider) => AuditJson.Of(new
    {
        provider.Name,
        Kind = provider.Kind.ToString(),
        provider.Issuer,
        provider.ClientId,
        provider.ClientSecretReference,
        provider.Audience,
        provider.AllowedEmailDomains,
        provider.JitEnabled,
        DefaultRole = provider.DefaultRole.ToString(),
        MappingRules = provider.MappingRules.Select(rule => new
        {
            rule.Claim,
            rule.Value,
            Role = rule.Role?.ToString(),
            rule.OrganizationId,
            OrganizationAccess = rule.OrganizationAccess?.ToString(),
        }),
        State = provider.State.ToString(),
        provider.BreakGlassUserId,
    });

    public static Task AppendAsync(AuditLog audit, CurrentPrincipal principal, TenantIdentityProvider provider, string action,
        string? before, string? after, CancellationToken ct) =>
        audit.AppendAsync(new AuditRecord(provider.TenantId, principal.AuditActor, "identity-provider." + action, "identity_provider",
            provider.Id.ToString(), before, after, principal.ClientAddress), ct);
}
