using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// A tenant's invitations as its admins list them, newest first, optionally in one state at a moment;
/// a platform admin who is not a member sees only the Admin invitations they onboard with.
/// </summary>
public sealed class InvitationDirectory(PlatformDbContext database)
{
    public IQueryable<Invitation> List(Guid tenantId, InvitingAs inviting, InvitationState? state, DateTimeOffset now)
    {
        var query = ManagedInvitations.Of(database, tenantId, inviting).AsNoTracking();
        query = state switch
        {
            InvitationState.Sent => query.Where(i => i.Status == InvitationStatus.Open && i.ExpiresAt > now),
            InvitationState.Expired => query.Where(i => i.Status == InvitationStatus.Expired || (i.Status == InvitationStatus.Open && i.ExpiresAt <= now)),
            InvitationState.Accepted => query.Where(i => i.Status == InvitationStatus.Accepted),
            InvitationState.Revoked => query.Where(i => i.Status == InvitationStatus.Revoked),
            _ => query,
        };
        return query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id);
    }

    public Task<Invitation?> FindAsync(Guid tenantId, Guid invitationId, InvitingAs inviting, CancellationToken cancellationToken) =>
        ManagedInvitations.Of(database, tenantId, inviting).AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
}
