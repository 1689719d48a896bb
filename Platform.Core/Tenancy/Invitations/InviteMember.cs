using Microsoft.EntityFrameworkCore;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// Invites an address into a tenant with a role: the invitation is stored, then its link mailed. The
/// answer is the same whether an account with that address exists or not, so the route tells nobody
/// which addresses have accounts; only members of this tenant are named (its admins list them anyway).
/// </summary>
public sealed class InviteMember(PlatformDbContext database, AuditLog audit, InvitationDelivery delivery, TimeProvider time)
{
    public async Task<Outcome<Invitation>> ExecuteAsync(InviteMemberRequest request, Actor actor, InvitingAs inviting,
        CancellationToken cancellationToken)
    {
        Outcome<IssuedInvitation> staged;
        try
        {
            staged = await database.InTransactionAsync(() => StageAsync(request, actor, inviting, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another request invited the same address at the same moment.
            return OpenInvitationConflict;
        }

        if (!staged.Succeeded)
        {
            return staged.Refusal;
        }

        await delivery.SendAsync(staged.Value.Invitation, staged.Value.Token, cancellationToken);
        return staged.Value.Invitation;
    }

    /// <summary>
    /// Writes the invitation and its audit records in the caller's transaction (a new tenant and its
    /// first admin's invitation are one change); the caller mails it after the commit.
    /// </summary>
    public async Task<Outcome<IssuedInvitation>> StageAsync(InviteMemberRequest request, Actor actor, InvitingAs inviting,
        CancellationToken cancellationToken)
    {
        if (DelegatedGrantRule.RefuseTenantRole(request.Role, actor.IsDelegatedCredential) is { } beyond)
        {
            return new Refusal.BeyondCredentialRights(beyond);
        }

        if (inviting == InvitingAs.PlatformAdmin && request.Role != TenantRole.Admin)
        {
            return new Refusal.Forbidden("Platform admins invite a tenant's admins only; the tenant's admins invite everyone else.");
        }

        var email = User.NormalizeEmail(request.Email);
        if (User.IsServiceAccountEmail(email))
        {
            return new Refusal.Invalid("email", "This domain is reserved for service accounts; they cannot be invited.");
        }

        // A member whose address nobody confirmed (an account from before invitations) may be invited
        // again: accepting lets the mailbox's owner reclaim the account, and the membership stays.
        if (await database.TenantMemberships.AnyAsync(membership => membership.TenantId == request.TenantId
                && database.Users.Any(user => user.Id == membership.UserId && user.Email == email && user.EmailVerifiedAt != null),
                cancellationToken))
        {
            return new Refusal.Conflict("This address belongs to a member of the tenant already.", "already-member");
        }

        var now = time.GetUtcNow();
        var open = await database.Invitations.SingleOrDefaultAsync(invitation => invitation.TenantId == request.TenantId
            && invitation.Email == email && invitation.Status == InvitationStatus.Open, cancellationToken);
        if (open is not null && open.IsUsable(now))
        {
            return OpenInvitationConflict;
        }

        open?.Supersede(now);
        var (created, token) = Invitation.Create(request.TenantId, email, request.DisplayName, request.Role,
            actor.UserId == Guid.Empty ? null : actor.UserId, now);
        database.Invitations.Add(created);
        await InvitationAudit.AppendAsync(audit, InvitationAudit.Created, created,
            new { created.Email, Role = created.Role.ToString(), created.ExpiresAt }, actor, inviting, cancellationToken);
        return new IssuedInvitation(created, token);
    }

    private static Refusal OpenInvitationConflict =>
        new Refusal.Conflict("An invitation to this address is open already: resend it, or revoke it first.", "invitation-open");
}
