using System.Collections.Frozen;
using Platform.Core.Devices;
using Platform.Core.Identity;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;

namespace Platform.Core.Authorization;

/// <summary>
/// A principal's rights in one tenant: the platform's single authorization policy. The API and the
/// workers build one per request or message from the membership and grants, and ask it before acting.
/// </summary>
/// <remarks>
/// <para>A tenant admin may do everything in the tenant without grants. Anyone else gets what their
/// organization and device grants give, capped by the tenant role: effective = min(ceiling, grant),
/// where a Member has no ceiling and a Viewer's is read-only (a Viewer with an Editor grant reads; a
/// Write device grant reads). The export right is not capped: it is given explicitly and only reads.</para>
/// <para>Platform admins get nothing here unless they are members of the tenant, and then only what
/// their tenant role gives: they reach tenant data through the audited admin endpoints, which are also
/// the only place tenants are created, changed and deleted.</para>
/// </remarks>
public sealed class TenantAccess
{
    private readonly FrozenDictionary<Guid, OrganizationGrantInfo> _organizationGrants;
    private readonly FrozenDictionary<Guid, DeviceAccess> _deviceGrants;
    private FrozenSet<Permission>? _tokenPermissions;

    public TenantAccess(Guid tenantId, Guid userId, PlatformRole platformRole, TenantRole? tenantRole,
        IReadOnlyDictionary<Guid, OrganizationGrantInfo> organizationGrants, IReadOnlyDictionary<Guid, DeviceAccess> deviceGrants)
    {
        ArgumentNullException.ThrowIfNull(organizationGrants);
        ArgumentNullException.ThrowIfNull(deviceGrants);
        TenantId = tenantId != Guid.Empty ? tenantId : throw new ArgumentException("A tenant id is required.", nameof(tenantId));
        UserId = userId != Guid.Empty ? userId : throw new ArgumentException("A user id is required.", nameof(userId));
        PlatformRole = Enum.IsDefined(platformRole) ? platformRole : throw new ArgumentOutOfRangeException(nameof(platformRole));
        TenantRole = tenantRole is null || Enum.IsDefined(tenantRole.Value)
            ? tenantRole
            : throw new ArgumentOutOfRangeException(nameof(tenantRole));
        // Grants cascade away with the membership, so grants without one mean the caller loaded the
        // wrong rows (another tenant's, another user's): refuse rather than guess which part is right.
        if (tenantRole is null && (organizationGrants.Count > 0 || deviceGrants.Count > 0))
        {
            throw new ArgumentException("A user who is not a member of the tenant has no grants in it.", nameof(organizationGrants));
        }

        if (organizationGrants.Any(grant => grant.Key == Guid.Empty || grant.Value is null)
            || deviceGrants.Any(grant => grant.Key == Guid.Empty || !Enum.IsDefined(grant.Value)))
        {
            throw new ArgumentException("Every grant names an organization or device and a defined access level.");
        }

        // Copies: a decision must not change because the caller's dictionaries did.
        _organizationGrants = organizationGrants.ToFrozenDictionary();
        _deviceGrants = deviceGrants.ToFrozenDictionary();
        GrantedOrganizationIds = _organizationGrants.Keys;
        GrantedDeviceIds = _deviceGrants.Keys;
    }

    public Guid TenantId { get; }

    public Guid UserId { get; }

    /// <summary>Carried for the caller's information; it grants nothing in the tenant.</summary>
    public PlatformRole PlatformRole { get; }

    /// <summary>Null when the principal is not a member of the tenant.</summary>
    public TenantRole? TenantRole { get; }

    public IReadOnlyDictionary<Guid, OrganizationGrantInfo> OrganizationGrants => _organizationGrants;

    public IReadOnlyDictionary<Guid, DeviceAccess> DeviceGrants => _deviceGrants;

    public bool IsMember => TenantRole is not null;

    /// <summary>True when an API token narrows these rights to its scopes.</summary>
    public bool IsApiToken => _tokenPermissions is not null;

    /// <summary>
    /// The same rights narrowed to what an API token's scopes allow (<see cref="ApiTokenScopes"/>):
    /// a permission holds only when the owner has it and a scope allows it.
    /// </summary>
    public TenantAccess RestrictedTo(IEnumerable<Permission> tokenPermissions)
    {
        ArgumentNullException.ThrowIfNull(tokenPermissions);
        var restricted = new TenantAccess(TenantId, UserId, PlatformRole, TenantRole, _organizationGrants, _deviceGrants)
        {
            _tokenPermissions = tokenPermissions.ToFrozenSet(),
        };
        return restricted;
    }

    /// <summary>
    /// True for tenant admins: lists and queries need no filter. Otherwise a row is visible when its
    /// organization is in <see cref="GrantedOrganizationIds"/> or, for a device, its id is in
    /// <see cref="GrantedDeviceIds"/>; a device grant alone does not reveal the device's organization.
    /// </summary>
    public bool SeesWholeTenant => TenantRole is Tenancy.TenantRole.Admin;

    public IReadOnlyCollection<Guid> GrantedOrganizationIds { get; }

    public IReadOnlyCollection<Guid> GrantedDeviceIds { get; }

    /// <summary>
    /// Whether the permission holds tenant-wide, without naming a resource. For permissions about
    /// organizations and devices that means on all of them (tenant admins), except the lists (any member,
    /// filtered by visibility) and <see cref="Permission.DeviceCreate"/> (somewhere: the target
    /// organization is checked with <see cref="AllowsOnOrganization"/>).
    /// </summary>
    public bool Allows(Permission permission) => IsMember && ScopeAllows(permission) && permission switch
    {
        Permission.TenantsCreate or Permission.TenantUpdate or Permission.TenantDelete => false,
        Permission.TenantRead or Permission.OrganizationsList or Permission.DevicesList or Permission.DecodersRead => true,
        Permission.DeviceCreate => SeesWholeTenant
            || _organizationGrants.Values.Any(grant => Capped(grant.Access) >= OrganizationAccess.Editor),
        // Listed rather than "anything else" so that a permission added later is denied until placed.
        _ => SeesWholeTenant
            && (PermissionScope.IsTenantAdministration(permission) || PermissionScope.IsAboutOrganization(permission)),
    };

    /// <summary>
    /// Whether the permission holds on one organization and what is in it: tenant admins always,
    /// anyone else by their effective grant on it. Permissions not about an organization are denied.
    /// </summary>
    public bool AllowsOnOrganization(Permission permission, Guid organizationId)
    {
        if (!IsMember || !ScopeAllows(permission) || !PermissionScope.IsAboutOrganization(permission))
        {
            return false;
        }

        if (SeesWholeTenant)
        {
            return true;
        }

        return _organizationGrants.TryGetValue(organizationId, out var grant)
            && PermissionScope.NeededOnOrganization(permission) is { } needed
            && Capped(grant.Access) >= needed
            && (permission is not Permission.DataExport || grant.CanExport);
    }

    /// <summary>
    /// Whether the permission holds on one device: by its organization (<see cref="AllowsOnOrganization"/>)
    /// or by a grant on the device itself. Permissions not about a device are denied.
    /// </summary>
    public bool AllowsOnDevice(Permission permission, Guid deviceId, Guid organizationId) =>
        PermissionScope.IsAboutDevice(permission) && ScopeAllows(permission)
        && (AllowsOnOrganization(permission, organizationId)
            || (IsMember && _deviceGrants.TryGetValue(deviceId, out var access)
                && PermissionScope.NeededOnDevice(permission) is { } needed && Capped(access) >= needed));

    /// <summary>Tenant admins, and holders of any grant on the organization; a device grant in it is not enough.</summary>
    public bool CanSeeOrganization(Guid organizationId) =>
        SeesWholeTenant || (IsMember && _organizationGrants.ContainsKey(organizationId));

    /// <summary>Tenant admins, holders of a grant on the device's organization, and holders of a grant on the device.</summary>
    public bool CanSeeDevice(Guid deviceId, Guid organizationId) =>
        CanSeeOrganization(organizationId) || (IsMember && _deviceGrants.ContainsKey(deviceId));

    private bool ScopeAllows(Permission permission) => _tokenPermissions is null || _tokenPermissions.Contains(permission);

    // effective = min(ceiling, grant); only Viewers have a ceiling, the reading level of each kind of grant.
    private OrganizationAccess Capped(OrganizationAccess access) =>
        TenantRole is Tenancy.TenantRole.Viewer && access > OrganizationAccess.Viewer ? OrganizationAccess.Viewer : access;

    private DeviceAccess Capped(DeviceAccess access) =>
        TenantRole is Tenancy.TenantRole.Viewer && access > DeviceAccess.Read ? DeviceAccess.Read : access;
}
