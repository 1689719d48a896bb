using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Members;

/// <summary>
/// Removes a person from a tenant with their grants (the database cascades them). What was the
/// tenant's ends with it: the member's sessions bound to the tenant and their API tokens in it. Their
/// other sessions stay theirs (their other tenants are not this tenant's to close); membership is read
/// per request, so they reach this tenant no more. The last admin and an enforced provider's
/// break-glass admin stay.
/// </summary>
public sealed class RemoveMember(PlatformDbContext database, AuditLog audit, SessionAuthentication sessions, ApiTokenAuthentication apiTokens)
{
    public async Task<Refusal?> ExecuteAsync(Guid tenantId, Guid userId, Actor actor, CancellationToken cancellationToken)
    {
        var membership = await PersonMemberships.FindAsync(database, tenantId, userId, cancellationToken);
        if (membership is null)
        {
            return new Refusal.NotFound("member");
        }

        return await database.InTransactionAsync(async () =>
        {
            if (await AdminSafeguards.RefuseLosingAdminAsync(database, tenantId, membership.UserId, "removed", cancellationToken) is { } kept)
            {
                return kept;
            }

            database.TenantMemberships.Remove(membership);
            var sessionsRevoked = await sessions.RevokeBoundToTenantAsync(membership.UserId, tenantId, cancellationToken);
            var tokens = await apiTokens.RevokeAllAsync(tenantId, membership.UserId, cancellationToken);
            await RevokedTokensAudit.AppendAsync(audit, actor, tenantId, tokens, cancellationToken);
            await audit.AppendAsync(new AuditRecord(tenantId, actor.Audit, "member.removed", "user", membership.UserId.ToString(),
                AuditJson.Of(new { Role = membership.Role.ToString() }), AuditJson.Of(new { sessionsRevoked, tokensRevoked = tokens.Count }),
                actor.ClientAddress), cancellationToken);
            return (Refusal?)null;
        }, cancellationToken);
    }
}
