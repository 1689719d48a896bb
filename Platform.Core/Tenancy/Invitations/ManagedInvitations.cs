using Platform.Core.Persistence;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>The invitations someone may see and manage in a tenant: all of them, or for a platform admin only those with the Admin role.</summary>
public static class ManagedInvitations
{
    public static IQueryable<Invitation> Of(PlatformDbContext database, Guid tenantId, InvitingAs inviting) =>
        database.Invitations.Where(invitation => invitation.TenantId == tenantId
            && (inviting != InvitingAs.PlatformAdmin || invitation.Role == TenantRole.Admin));
}
