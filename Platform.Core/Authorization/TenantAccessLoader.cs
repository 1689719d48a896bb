using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity;
using Platform.Core.Organizations;
using Platform.Core.Persistence;

namespace Platform.Core.Authorization;

/// <summary>Builds a user's <see cref="TenantAccess"/> from their membership and grants in one tenant.</summary>
public sealed class TenantAccessLoader(PlatformDbContext database)
{
    /// <remarks>Call with the data scope already in the tenant: grants are tenant-owned rows.</remarks>
    public async Task<TenantAccess> LoadAsync(Guid tenantId, Guid userId, PlatformRole platformRole, CancellationToken cancellationToken)
    {
        var membership = await database.TenantMemberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return new TenantAccess(tenantId, userId, platformRole, null,
                new Dictionary<Guid, OrganizationGrantInfo>(), new Dictionary<Guid, Devices.DeviceAccess>());
        }

        var organizationGrants = await database.OrganizationGrants.AsNoTracking()
            .Where(grant => grant.TenantId == tenantId && grant.UserId == userId)
            .ToDictionaryAsync(grant => grant.OrganizationId, grant => new OrganizationGrantInfo(grant.Access, grant.CanExport), cancellationToken);
        var deviceGrants = await database.DeviceGrants.AsNoTracking()
            .Where(grant => grant.TenantId == tenantId && grant.UserId == userId)
            .ToDictionaryAsync(grant => grant.DeviceId, grant => grant.Access, cancellationToken);
        return new TenantAccess(tenantId, userId, platformRole, membership.Role, organizationGrants, deviceGrants);
    }
}
