using Platform.Core.Tenancy;

namespace Platform.Core.Devices;

/// <summary>A user's access to one device, independent of the device's organization.</summary>
public sealed class DeviceGrant : ITenantOwned
{
    private DeviceGrant()
    {
    }

    public DeviceGrant(Guid tenantId, Guid deviceId, Guid userId, DeviceAccess access, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        DeviceId = deviceId;
        UserId = userId;
        CreatedAt = createdAt;
        Change(access);
    }

    public Guid TenantId { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid UserId { get; private set; }

    public DeviceAccess Access { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Change(DeviceAccess access) =>
        Access = Enum.IsDefined(access) ? access : throw new ArgumentOutOfRangeException(nameof(access));
}
