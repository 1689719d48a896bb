using Microsoft.EntityFrameworkCore;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// Mails an open invitation again with a new link and a new expiry (the old link stops working): for
/// a lost mail, a failed delivery or an expired link.
/// </summary>
public sealed class ResendInvitation(PlatformDbContext database, AuditLog audit, InvitationDelivery delivery, TimeProvider time)
{
    public async Task<Outcome<Invitation>> ExecuteAsync(Guid tenantId, Guid invitationId, Actor actor, InvitingAs inviting,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var issued = await database.InTransactionAsync<Outcome<IssuedInvitation>>(async () =>
        {
            var invitation = await ManagedInvitations.Of(database, tenantId, inviting).SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
            if (invitation is null)
            {
                return new Refusal.NotFound("invitation");
            }

            // Reviving an Admin invitation gives the Admin role again, which a delegated credential cannot give.
            if (DelegatedGrantRule.RefuseTenantRole(invitation.Role, actor.IsDelegatedCredential) is { } beyond)
            {
                return new Refusal.BeyondCredentialRights(beyond);
            }

            if (invitation.Status != InvitationStatus.Open)
            {
                return InvitationClosed(invitation, now);
            }

            var token = invitation.Renew(now);
            await InvitationAudit.AppendAsync(audit, InvitationAudit.Resent, invitation, new { invitation.ExpiresAt }, actor, inviting,
                cancellationToken);
            return new IssuedInvitation(invitation, token);
        }, cancellationToken);
        if (!issued.Succeeded)
        {
            return issued.Refusal;
        }

        await delivery.SendAsync(issued.Value.Invitation, issued.Value.Token, cancellationToken);
        return issued.Value.Invitation;
    }

    internal static Refusal InvitationClosed(Invitation invitation, DateTimeOffset now) => new Refusal.Conflict(
        $"This invitation is {invitation.StateAt(now).ToString().ToLowerInvariant()}: invite the address again instead.", "invitation-closed");
}
