using Platform.Core.Audit;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>Audit action names of invitations, and where their records go.</summary>
public static class InvitationAudit
{
    public const string Created = "invitation.created";
    public const string Resent = "invitation.resent";
    public const string Revoked = "invitation.revoked";
    public const string Accepted = "invitation.accepted";
    public const string UserCreated = "user.created";
    public const string UserReclaimed = "user.reclaimed";
    public const string MemberAdded = "member.added";

    /// <summary>
    /// On the tenant's chain; for a platform admin acting in a tenant they are not a member of, on the
    /// platform's chain too, which records that its operators reached into a tenant, and which.
    /// Runs in the caller's transaction.
    /// </summary>
    public static async Task AppendAsync(AuditLog audit, string action, Invitation invitation, object detail, Actor actor, InvitingAs inviting,
        CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditRecord(invitation.TenantId, actor.Audit, action, "invitation", invitation.Id.ToString(),
            After: AuditJson.Of(detail), ClientAddress: actor.ClientAddress), cancellationToken);
        if (inviting == InvitingAs.PlatformAdmin)
        {
            await audit.AppendAsync(new AuditRecord(null, actor.Audit, action, "invitation", invitation.Id.ToString(),
                After: AuditJson.Of(new { invitation.TenantId, details = detail }), ClientAddress: actor.ClientAddress), cancellationToken);
        }
    }
}
