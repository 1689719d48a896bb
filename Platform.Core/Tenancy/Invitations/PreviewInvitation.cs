using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// Shows the holder of an invitation link what it offers and what accepting will do to the account of
/// its address. Every unusable link (unknown, malformed, used, revoked, expired) gets the same answer.
/// </summary>
public sealed class PreviewInvitation(PlatformDbContext database, TimeProvider time)
{
    public async Task<Outcome<InvitationPreview>> ExecuteAsync(string? secret, CancellationToken cancellationToken)
    {
        var invitation = await InvitationLinkLookup.FindUsableAsync(database, secret, time.GetUtcNow(), lockRow: false, cancellationToken);
        if (invitation is null)
        {
            return AcceptInvitation.NotUsable;
        }

        var tenantName = await database.Tenants.Where(tenant => tenant.Id == invitation.TenantId).Select(tenant => tenant.Name)
            .SingleAsync(cancellationToken);
        var account = await database.Users.Where(user => user.Email == invitation.Email)
            .Select(user => (bool?)(user.EmailVerifiedAt != null)).SingleOrDefaultAsync(cancellationToken);
        return new InvitationPreview(tenantName, invitation.Email, invitation.Role, invitation.ExpiresAt,
            account switch { null => InvitationAccount.New, true => InvitationAccount.Existing, false => InvitationAccount.Reclaim },
            invitation.DisplayName);
    }
}
