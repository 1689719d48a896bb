using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Identity;

namespace Platform.Api.Features.Tokens;

/// <summary>
/// Tokens revoked because their owner left (a member removed, a service account deleted) are
/// audited one by one, as if each had been revoked on its own route: the tenant's trail names every
/// credential that stopped working.
/// </summary>
internal static class RevokedTokensAudit
{
    public static async Task AppendAsync(AuditLog audit, CurrentPrincipal principal, Guid tenantId, IEnumerable<RevokedApiToken> tokens,
        CancellationToken ct)
    {
        foreach (var token in tokens)
        {
            await audit.AppendAsync(new AuditRecord(tenantId, principal.AuditActor, "token.revoked", "api_token", token.Id,
                AuditJson.Of(new { token.Name, token.OwnerUserId }), null, principal.ClientAddress), ct);
        }
    }
}
