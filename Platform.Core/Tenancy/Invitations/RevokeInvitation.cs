using Microsoft.EntityFrameworkCore;
using Platform.Core.Audit;
using Platform.Core.Persistence;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>Withdraws an open invitation: its link stops working at once. It stays listed, as revoked.</summary>
public sealed class RevokeInvitation(PlatformDbContext database, AuditLog audit, TimeProvider time)
{
    public Task<Outcome<Invitation>> ExecuteAsync(Guid tenantId, Guid invitationId, Actor actor, InvitingAs inviting,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.InTransactionAsync<Outcome<Invitation>>(async () =>
        {
            var invitation = await ManagedInvitations.Of(database, tenantId, inviting).SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
            if (invitation is null)
            {
                return new Refusal.NotFound("invitation");
            }

            if (invitation.Status != InvitationStatus.Open)
            {
                return ResendInvitation.InvitationClosed(invitation, now);
            }

            invitation.Revoke(now);
            await InvitationAudit.AppendAsync(audit, InvitationAudit.Revoked, invitation, new { invitation.Email }, actor, inviting,
                cancellationToken);

            return invitation;
        }, cancellationToken);
    }
}
