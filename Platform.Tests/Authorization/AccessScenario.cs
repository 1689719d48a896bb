using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Identity;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;

namespace Platform.Tests.Authorization;

/// <summary>
/// One test tenant with two organizations, A and B, and four devices. The caller's organization grant,
/// if any, is on A; their device grant, if any, is on <see cref="GrantedDeviceInA"/> and
/// <see cref="GrantedDeviceInB"/>. The other two devices have no grant.
/// </summary>
public static class AccessScenario
{
    public enum Role { None, Viewer, Member, Admin }

    public enum OrganizationGrantLevel { None, Viewer, Editor, Manager, ManagerWithExport }

    public enum DeviceGrantLevel { None, Read, Write }

    public enum Target { Tenant, OrganizationA, OrganizationB, DeviceInA, GrantedDeviceInA, GrantedDeviceInB, DeviceInB }

    public static readonly Guid TenantId = Guid.Parse("0195a000-0000-7000-8000-000000000001");
    public static readonly Guid UserId = Guid.Parse("0195a000-0000-7000-8000-000000000002");
    public static readonly Guid OrganizationA = Guid.Parse("0195a000-0000-7000-8000-00000000000a");
    public static readonly Guid OrganizationB = Guid.Parse("0195a000-0000-7000-8000-00000000000b");
    public static readonly Guid DeviceInA = Guid.Parse("0195a000-0000-7000-8000-0000000000a1");
    public static readonly Guid GrantedDeviceInA = Guid.Parse("0195a000-0000-7000-8000-0000000000a2");
    public static readonly Guid GrantedDeviceInB = Guid.Parse("0195a000-0000-7000-8000-0000000000b1");
    public static readonly Guid DeviceInB = Guid.Parse("0195a000-0000-7000-8000-0000000000b2");

    /// <summary>
    /// Every standing a caller can have. A non-member has no grants: they go with the membership,
    /// and the policy refuses to be built otherwise (a test of its own).
    /// </summary>
    public static IEnumerable<(Role Role, OrganizationGrantLevel Organization, DeviceGrantLevel Device)> Standings() =>
        from role in Enum.GetValues<Role>()
        from organization in Enum.GetValues<OrganizationGrantLevel>()
        from device in Enum.GetValues<DeviceGrantLevel>()
        where role != Role.None || (organization == OrganizationGrantLevel.None && device == DeviceGrantLevel.None)
        select (role, organization, device);

    public static TenantAccess Build(Role role, OrganizationGrantLevel organization, DeviceGrantLevel device,
        PlatformRole platformRole = PlatformRole.None)
    {
        var organizationGrants = new Dictionary<Guid, OrganizationGrantInfo>();
        if (organization != OrganizationGrantLevel.None)
        {
            organizationGrants[OrganizationA] = organization switch
            {
                OrganizationGrantLevel.Viewer => new OrganizationGrantInfo(OrganizationAccess.Viewer, CanExport: false),
                OrganizationGrantLevel.Editor => new OrganizationGrantInfo(OrganizationAccess.Editor, CanExport: false),
                OrganizationGrantLevel.Manager => new OrganizationGrantInfo(OrganizationAccess.Manager, CanExport: false),
                _ => new OrganizationGrantInfo(OrganizationAccess.Manager, CanExport: true),
            };
        }

        var deviceGrants = new Dictionary<Guid, DeviceAccess>();
        if (device != DeviceGrantLevel.None)
        {
            var access = device == DeviceGrantLevel.Read ? DeviceAccess.Read : DeviceAccess.Write;
            deviceGrants[GrantedDeviceInA] = access;
            deviceGrants[GrantedDeviceInB] = access;
        }

        TenantRole? tenantRole = role switch
        {
            Role.Viewer => TenantRole.Viewer,
            Role.Member => TenantRole.Member,
            Role.Admin => TenantRole.Admin,
            _ => null,
        };
        return new TenantAccess(TenantId, UserId, platformRole, tenantRole, organizationGrants, deviceGrants);
    }

    /// <summary>Asks the question an endpoint would ask about the target.</summary>
    public static bool Decide(TenantAccess access, Permission permission, Target target) => target switch
    {
        Target.Tenant => access.Allows(permission),
        Target.OrganizationA => access.AllowsOnOrganization(permission, OrganizationA),
        Target.OrganizationB => access.AllowsOnOrganization(permission, OrganizationB),
        Target.DeviceInA => access.AllowsOnDevice(permission, DeviceInA, OrganizationA),
        Target.GrantedDeviceInA => access.AllowsOnDevice(permission, GrantedDeviceInA, OrganizationA),
        Target.GrantedDeviceInB => access.AllowsOnDevice(permission, GrantedDeviceInB, OrganizationB),
        Target.DeviceInB => access.AllowsOnDevice(permission, DeviceInB, OrganizationB),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>Whether a list would show the target; the tenant itself is not in a list.</summary>
    public static bool Sees(TenantAccess access, Target target) => target switch
    {
        Target.OrganizationA => access.CanSeeOrganization(OrganizationA),
        Target.OrganizationB => access.CanSeeOrganization(OrganizationB),
        Target.DeviceInA => access.CanSeeDevice(DeviceInA, OrganizationA),
        Target.GrantedDeviceInA => access.CanSeeDevice(GrantedDeviceInA, OrganizationA),
        Target.GrantedDeviceInB => access.CanSeeDevice(GrantedDeviceInB, OrganizationB),
        Target.DeviceInB => access.CanSeeDevice(DeviceInB, OrganizationB),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };
}
