using Platform.Core.Devices;
using Platform.Core.Organizations;

namespace Platform.Core.Authorization;

// Where each permission can be granted and what level it needs there, kept apart from TenantAccess so
// that the whole table reads in one place. Every list is explicit: a permission added to the enum is
// denied everywhere until it is placed here.
internal static class PermissionScope
{
    // Administration of the tenant as a whole: tenant admins only, never through a grant.
    public static bool IsTenantAdministration(Permission permission) => permission
        is Permission.MembersRead or Permission.MembersManage or Permission.OrganizationCreate
        or Permission.RejectedUplinksRead or Permission.RejectedUplinksReplay
        or Permission.DecodersManage or Permission.AuditRead or Permission.TenantSettingsManage;

    // Permissions that concern one organization or what is in it. Anything else asked about an
    // organization or a device is the caller's mistake and is denied, even to tenant admins.
    public static bool IsAboutOrganization(Permission permission) =>
        permission is Permission.OrganizationDelete || NeededOnOrganization(permission) is not null;

    // The device permissions, and exporting a device's data.
    public static bool IsAboutDevice(Permission permission) => permission
        is Permission.DeviceRead or Permission.DeviceUpdate or Permission.DeviceDelete or Permission.DeviceDataRead
        or Permission.DeviceGrantsRead or Permission.DeviceGrantsManage or Permission.DataExport;

    // The organization grant a non-admin needs. Null for OrganizationDelete, which no grant is enough
    // for (it takes every device with it), and for permissions not about an organization.
    public static OrganizationAccess? NeededOnOrganization(Permission permission) => permission switch
    {
        // Exporting also needs the grant's export right, which any level can carry.
        Permission.OrganizationRead or Permission.DevicesList or Permission.DeviceRead or Permission.DeviceDataRead
            or Permission.DataExport => OrganizationAccess.Viewer,
        Permission.DeviceCreate or Permission.DeviceUpdate or Permission.DeviceDelete => OrganizationAccess.Editor,
        Permission.OrganizationUpdate or Permission.OrganizationGrantsRead or Permission.OrganizationGrantsManage
            or Permission.DeviceGrantsRead or Permission.DeviceGrantsManage => OrganizationAccess.Manager,
        _ => null,
    };

    // The device grant that allows the permission on its device. Null when none does: deleting, grants
    // and export stay with the organization, so a device grant can neither widen itself nor take data
    // out in bulk.
    public static DeviceAccess? NeededOnDevice(Permission permission) => permission switch
    {
        Permission.DeviceRead or Permission.DeviceDataRead => DeviceAccess.Read,
        Permission.DeviceUpdate => DeviceAccess.Write,
        _ => null,
    };
}
