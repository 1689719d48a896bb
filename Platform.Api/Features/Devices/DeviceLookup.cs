using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices;

/// <summary>The one way device endpoints load their device: 404 when the caller cannot see it, 403 when they may not act.</summary>
internal static class DeviceLookup
{
    public static async Task<(Device? Device, IResult? Problem)> FindAsync(this PlatformDbContext database, TenantAccess access,
        Guid deviceId, Permission permission, CancellationToken ct)
    {
        var device = await database.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null || !access.CanSeeDevice(device.Id, device.OrganizationId))
        {
            return (null, ApiProblems.NotFound("device"));
        }

        return access.AllowsOnDevice(permission, device.Id, device.OrganizationId)
            ? (device, null)
            : (null, ApiProblems.Forbidden());
    }

    /// <summary>
    /// Where a device may be created or moved to: an organization that does not exist or that the caller
    /// cannot see is a bad value of the field (400), one they see but may not add devices to is 403.
    /// </summary>
    public static async Task<IResult?> CheckTargetOrganizationAsync(this PlatformDbContext database, TenantAccess access,
        Guid organizationId, CancellationToken ct)
    {
        if (!access.CanSeeOrganization(organizationId)
            || !await database.Organizations.AnyAsync(organization => organization.Id == organizationId, ct))
        {
            return ApiProblems.Invalid("organizationId", "No such organization.");
        }

        return access.AllowsOnOrganization(Permission.DeviceCreate, organizationId) ? null : ApiProblems.Forbidden();
    }
}
