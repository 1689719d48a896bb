namespace Platform.Core.Authorization;

/// <summary>
/// An action an endpoint or worker declares before it acts. <see cref="TenantAccess"/> decides it,
/// tenant-wide or on one organization or device. "Effective" below means the organization grant
/// capped by the tenant role (a Viewer member only ever reads).
/// </summary>
/// <remarks>Numbered from 1 so that an unset value (0) is no permission and is denied.</remarks>
public enum Permission
{
    /// <summary>Read the tenant itself: any member.</summary>
    TenantRead = 1,

    /// <summary>Change the tenant: platform admins only, through the admin endpoints, never through <see cref="TenantAccess"/>.</summary>
    TenantUpdate,

    /// <summary>Delete the tenant: platform admins only, through the admin endpoints, never through <see cref="TenantAccess"/>.</summary>
    TenantDelete,

    /// <summary>Create tenants: platform admins only; no tenant is involved, so <see cref="TenantAccess"/> never grants it.</summary>
    TenantsCreate,

    /// <summary>List the tenant's members: tenant admin.</summary>
    MembersRead,

    /// <summary>Add, change and remove members: tenant admin.</summary>
    MembersManage,

    /// <summary>List organizations: any member; the list shows only the organizations the caller can see.</summary>
    OrganizationsList,

    /// <summary>Create an organization: tenant admin.</summary>
    OrganizationCreate,

    /// <summary>Read an organization: tenant admin, or an effective Viewer grant or better on it.</summary>
    OrganizationRead,

    /// <summary>Rename an organization: tenant admin, or an effective Manager grant on it.</summary>
    OrganizationUpdate,

    /// <summary>Delete an organization: tenant admin only; a Manager grant is not enough.</summary>
    OrganizationDelete,

    /// <summary>Read an organization's grants: tenant admin, or an effective Manager grant on it.</summary>
    OrganizationGrantsRead,

    /// <summary>Give, change and remove an organization's grants: tenant admin, or an effective Manager grant on it.</summary>
    OrganizationGrantsManage,

    /// <summary>
    /// List devices: any member tenant-wide (the list shows only visible devices); on one organization,
    /// tenant admin or an effective Viewer grant or better.
    /// </summary>
    DevicesList,

    /// <summary>
    /// Create a device: tenant admin, or an effective Editor grant or better on the target organization.
    /// Tenant-wide it asks whether the caller may create one anywhere (to offer the action).
    /// </summary>
    DeviceCreate,

    /// <summary>Read a device: tenant admin, an effective Viewer grant on its organization, or a device grant.</summary>
    DeviceRead,

    /// <summary>Change a device: tenant admin, an effective Editor grant on its organization, or an effective Write device grant.</summary>
    DeviceUpdate,

    /// <summary>Delete a device: tenant admin, or an effective Editor grant on its organization; device grants never delete.</summary>
    DeviceDelete,

    /// <summary>Read a device's grants: tenant admin, or an effective Manager grant on its organization.</summary>
    DeviceGrantsRead,

    /// <summary>Give, change and remove a device's grants: tenant admin, or an effective Manager grant on its organization.</summary>
    DeviceGrantsManage,

    /// <summary>Read a device's uplinks and measurements: whoever may read the device.</summary>
    DeviceDataRead,

    /// <summary>
    /// Export data: tenant admin, or an organization grant with the export right (at any access level).
    /// Device grants never export.
    /// </summary>
    DataExport,

    /// <summary>Read rejected uplinks and their reasons: tenant admin.</summary>
    RejectedUplinksRead,

    /// <summary>Replay a rejected uplink: tenant admin.</summary>
    RejectedUplinksReplay,

    /// <summary>Read decoders and their versions: any member.</summary>
    DecodersRead,

    /// <summary>Create, change, activate and delete decoders: tenant admin.</summary>
    DecodersManage,

    /// <summary>Read and verify the tenant's audit log: tenant admin.</summary>
    AuditRead,

    /// <summary>Change the tenant's own policies (its settings, e.g. requiring MFA): tenant admin.</summary>
    TenantSettingsManage,
}
