using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Members;

/// <summary>
/// Tokens revoked because their owner left (a member removed, a service account deleted) are audited
/// one by one, as if each had been revoked on its own route: the tenant's trail names every credential
/// that stopped working. Runs in the caller's transaction.
/// </summary>
public static class RevokedTokensAudit
{
    public static async Task AppendAsync(AuditLog audit, Actor actor, Guid tenantId, IEnumerable<RevokedApiToken> tokens,
        CancellationToken cancellationToken)
    {
        foreach (var token in tokens)
        {
            await audit.AppendAsync(new AuditRecord(tenantId, actor.Audit, "token.revoked", "api_token", token.Id,
                AuditJson.Of(new { token.Name, token.OwnerUserId }), null, actor.ClientAddress), cancellationToken);
        }
    }
}
