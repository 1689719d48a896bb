using Microsoft.EntityFrameworkCore;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Members;

/// <summary>
/// Changes a person's role in a tenant. A delegated credential gives no one the Admin role; neither the
/// last admin nor an enforced provider's break-glass admin is demoted. Sessions bound to the tenant end
/// (DECISIONS.md ends sessions with a role change, as far as they are the tenant's); the member's other
/// sessions act with the new role at once, since the role is read on every request.
/// </summary>
public sealed class ChangeMemberRole(PlatformDbContext database, AuditLog audit, SessionAuthentication sessions)
{
    public async Task<Outcome<(TenantMembership Membership, User User)>> ExecuteAsync(Guid tenantId, Guid userId, TenantRole role, Actor actor,
        CancellationToken cancellationToken)
    {
        var membership = await PersonMemberships.FindAsync(database, tenantId, userId, cancellationToken);
        if (membership is null)
        {
            return new Refusal.NotFound("member");
        }

        if (DelegatedGrantRule.RefuseTenantRole(role, actor.IsDelegatedCredential) is { } beyond)
        {
            return new Refusal.BeyondCredentialRights(beyond);
        }

        var user = await database.Users.AsNoTracking().SingleAsync(u => u.Id == membership.UserId, cancellationToken);
        var before = membership.Role;
        if (before == role)
        {
            return (membership, user);
        }

        var refusal = await database.InTransactionAsync(async () =>
        {
            if (role != TenantRole.Admin
                && await AdminSafeguards.RefuseLosingAdminAsync(database, tenantId, membership.UserId, "demoted", cancellationToken) is { } kept)
            {
                return kept;
            }

            membership.ChangeRole(role);
            var sessionsRevoked = await sessions.RevokeBoundToTenantAsync(membership.UserId, tenantId, cancellationToken);
            await audit.AppendAsync(new AuditRecord(tenantId, actor.Audit, "member.role.changed", "user", membership.UserId.ToString(),
                AuditJson.Of(new { Role = before.ToString() }), AuditJson.Of(new { Role = membership.Role.ToString(), sessionsRevoked }),
                actor.ClientAddress), cancellationToken);
            return null;
        }, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return (membership, user);
    }
}
