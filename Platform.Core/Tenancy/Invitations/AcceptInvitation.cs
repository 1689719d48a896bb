using Microsoft.EntityFrameworkCore;
using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// The holder of an invitation link accepts it: a new account is created with the password chosen now,
/// an account whose address was proved joins as it is, and an account whose address nobody proved is
/// taken over by the mailbox's owner (<see cref="InvitationAccount.Reclaim"/>). Either way the address
/// counts as verified from then on, and the membership the invitation offers is created.
/// </summary>
public sealed class AcceptInvitation(
    PlatformDbContext database,
    PreviewInvitation preview,
    PasswordHashing passwords,
    SessionAuthentication sessions,
    AuditLog audit,
    TimeProvider time)
{
    public static Refusal NotUsable { get; } = new Refusal.NotFound("invitation",
        "This invitation link is not valid any more: ask your admin for a new one.", "invitation-not-found");

    public async Task<Outcome<AcceptedInvitation>> ExecuteAsync(AcceptInvitationRequest request, string? clientAddress,
        CancellationToken cancellationToken)
    {
        // What the link offers, read without locks first: a password is checked and hashed (slow on
        // purpose) before any row is locked, then the transaction confirms nothing changed meanwhile.
        var offered = await preview.ExecuteAsync(request.Token, cancellationToken);
        if (!offered.Succeeded)
        {
            return offered.Refusal;
        }

        var (displayName, passwordHash, invalid) = CheckInput(request, offered.Value);
        if (invalid is not null)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        return await database.InTransactionAsync<Outcome<AcceptedInvitation>>(async () =>
        {
            var invitation = await InvitationLinkLookup.FindUsableAsync(database, request.Token, now, lockRow: true, cancellationToken);
            if (invitation is null)
            {
                return NotUsable;
            }

            var user = await database.LockUserByEmailAsync(invitation.Email, cancellationToken);
            var account = user is null ? InvitationAccount.New : user.IsEmailVerified ? InvitationAccount.Existing : InvitationAccount.Reclaim;
            if (account != offered.Value.Account || user is { IsServiceAccount: true })
            {
                return new Refusal.Conflict("The account of this address changed meanwhile: open the link again.", "invitation-changed");
            }

            var isMember = user is not null
                && await database.TenantMemberships.AnyAsync(m => m.TenantId == invitation.TenantId && m.UserId == user.Id, cancellationToken);
            if (isMember && account == InvitationAccount.Existing)
            {
                return new Refusal.Conflict("You are a member of this tenant already: sign in as usual.", "already-member");
            }

            var acceptance = InvitationAcceptance.Joined;
            if (user is null)
            {
                user = new User(invitation.Email, displayName!, PlatformRole.None, now);
                user.SetPasswordHash(passwordHash!);
                user.MarkEmailVerified(now);
                database.Users.Add(user);
                acceptance = InvitationAcceptance.Created;
                await audit.AppendAsync(new AuditRecord(invitation.TenantId, AuditActor.ForUser(user.Id), InvitationAudit.UserCreated, "user",
                    user.Id.ToString(), After: AuditJson.Of(new { user.Email, user.DisplayName, source = "invitation" }),
                    ClientAddress: clientAddress), cancellationToken);
            }
            else if (account == InvitationAccount.Reclaim)
            {
                var platformRoleRemoved = user.PlatformRole != PlatformRole.None;
                user.Reclaim(passwordHash!, now);
                // Operators gave the platform role to whoever held the account, not to the address.
                user.ChangePlatformRole(PlatformRole.None);
                var ended = await EndPreviousHolderAsync(user.Id, now, cancellationToken);
                acceptance = InvitationAcceptance.Reclaimed;
                // On the platform's chain: the account is the platform's, and what ended reached every tenant.
                await audit.AppendAsync(new AuditRecord(null, AuditActor.ForUser(user.Id), InvitationAudit.UserReclaimed, "user",
                    user.Id.ToString(), After: AuditJson.Of(new { invitationId = invitation.Id, invitation.TenantId, ended, platformRoleRemoved }),
                    ClientAddress: clientAddress), cancellationToken);
            }

            if (!isMember)
            {
                database.TenantMemberships.Add(new TenantMembership(invitation.TenantId, user.Id, invitation.Role, now));
                await audit.AppendAsync(new AuditRecord(invitation.TenantId, AuditActor.ForUser(user.Id), InvitationAudit.MemberAdded, "user",
                    user.Id.ToString(), After: AuditJson.Of(new
                    {
                        user.Email, Role = invitation.Role.ToString(), via = "invitation", invitationId = invitation.Id,
                        invitedBy = invitation.InvitedByUserId,
                    }), ClientAddress: clientAddress), cancellationToken);
            }

            invitation.Accept(user.Id, now);
            await audit.AppendAsync(new AuditRecord(invitation.TenantId, AuditActor.ForUser(user.Id), InvitationAudit.Accepted, "invitation",
                invitation.Id.ToString(), After: AuditJson.Of(new { account = acceptance.ToString() }), ClientAddress: clientAddress),
                cancellationToken);
            return new AcceptedInvitation(invitation.TenantId, offered.Value.TenantName, invitation.Email, user.Id, acceptance);
        }, cancellationToken);
    }

    private (string? DisplayName, string? PasswordHash, Refusal? Invalid) CheckInput(AcceptInvitationRequest request, InvitationPreview offered)
    {
        if (offered.Account == InvitationAccount.Existing)
        {
            return request.Password is null
                ? (null, null, null)
                : (null, null, new Refusal.Invalid("password",
                    "This address has an account already: accept without a password, then sign in with that account."));
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return (null, null, new Refusal.Invalid("password", offered.Account == InvitationAccount.New
                ? "Choose a password for your new account."
                : "Choose a new password: nobody had confirmed this address, so the account's old password and sessions end."));
        }

        if (PasswordPolicy.Check(request.Password, offered.Email, [offered.TenantName]) is { } problem)
        {
            return (null, null, new Refusal.Invalid("password", problem));
        }

        var displayName = (request.DisplayName ?? offered.SuggestedDisplayName ?? offered.Email[..offered.Email.IndexOf('@')]).Trim();
        if (offered.Account == InvitationAccount.New && displayName.Length is 0 or > User.MaxDisplayNameLength)
        {
            return (null, null, new Refusal.Invalid("displayName", $"A display name is 1 to {User.MaxDisplayNameLength} characters."));
        }

        return (displayName, passwords.Hash(request.Password), null);
    }

    /// <summary>
    /// Ends whatever the account's previous holder could still use: every session, every API token in
    /// every tenant, MFA (or the owner could not sign in past the holder's authenticator) and linked
    /// identities (the platform role goes too, above). Memberships and grants stay: tenants gave them
    /// to the address. Runs in the caller's
    /// transaction, in platform scope (the lookup entered it).
    /// </summary>
    private async Task<object> EndPreviousHolderAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessionsRevoked = await sessions.RevokeAllAsync(userId, cancellationToken);
        var tokensRevoked = await database.ApiTokens.Where(token => token.OwnerUserId == userId && token.RevokedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(token => token.RevokedAt, now), cancellationToken);
        var mfaRemoved = await database.TotpAuthenticators.Where(authenticator => authenticator.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken) > 0;
        await database.RecoveryCodes.Where(code => code.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var identitiesUnlinked = await database.ExternalIdentities.Where(identity => identity.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken);
        return new { sessionsRevoked, tokensRevoked, mfaRemoved, identitiesUnlinked };
    }
}
