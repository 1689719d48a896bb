using Platform.Core.Devices;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;

namespace Platform.Core.Authorization;

/// <summary>
/// What a caller may hand out to a principal: never rights it does not hold itself. The one rule the
/// member, service-account and grant routes ask before they create or raise anyone's rights.
/// </summary>
/// <remarks>
/// <para>A delegated credential (an API token, an OpenID provider's access token) acts for its user
/// only within what it carries. It therefore gives no one the tenant Admin role, which holds every
/// right of the tenant including those no scope allows (by invitation, by resending an Admin invitation
/// or by a role change). Nobody creates an account with a password for someone else: people set their
/// own through their invitation. Granting Admin needs an interactive session of a
/// tenant admin (an SSO mapping rule that grants Admin at sign-in was configured by one).</para>
/// <para>An organization or device grant is given only by a caller who holds, on that organization or
/// device, every right the grant gives there (and the export right to hand that out). For sessions
/// this is what the tenant role and the caller's own grant already imply; for a token it means its
/// scopes must cover what the grant gives.</para>
/// </remarks>
public static class DelegatedGrantRule
{
    /// <summary>Why the caller may not give <paramref name="role"/> (to a member or a service account), or null.</summary>
    public static GrantRefusal? RefuseTenantRole(TenantRole role, bool isDelegatedCredential) =>
        isDelegatedCredential && role == TenantRole.Admin
            ? new GrantRefusal("role", "The Admin role holds rights beyond this credential's: only a tenant admin's interactive session may grant it.")
            : null;

    /// <summary>Why the caller may not give this grant on the organization, or null.</summary>
    public static GrantRefusal? RefuseOrganizationGrant(TenantAccess access, Guid organizationId, OrganizationAccess level, bool canExport)
    {
        ArgumentNullException.ThrowIfNull(access);
        var given = Enum.GetValues<Permission>().Where(permission => permission is not Permission.DataExport
            && PermissionScope.NeededOnOrganization(permission) is { } needed && needed <= level);
        if (!given.All(permission => access.AllowsOnOrganization(permission, organizationId)))
        {
            return new GrantRefusal("access", $"A {level} grant gives rights on the organization that this credential does not hold itself.");
        }

        return canExport && !access.AllowsOnOrganization(Permission.DataExport, organizationId)
            ? new GrantRefusal("canExport", "The export right can be handed out only by a credential that holds it on the organization.")
            : null;
    }

    /// <summary>Why the caller may not give this grant on the device, or null.</summary>
    public static GrantRefusal? RefuseDeviceGrant(TenantAccess access, Guid deviceId, Guid organizationId, DeviceAccess level)
    {
        ArgumentNullException.ThrowIfNull(access);
        var given = Enum.GetValues<Permission>()
            .Where(permission => PermissionScope.NeededOnDevice(permission) is { } needed && needed <= level);
        return given.All(permission => access.AllowsOnDevice(permission, deviceId, organizationId))
            ? null
            : new GrantRefusal("access", $"A {level} grant gives rights on the device that this credential does not hold itself.");
    }
}
