using System.Collections.Frozen;

namespace Platform.Core.Authorization;

/// <summary>
/// The documented scopes of API tokens and the permissions each allows: the one place that maps
/// one to the other. A token's effective rights are its owner's current <see cref="TenantAccess"/>
/// narrowed to the union of its scopes' permissions. Every scope also reads the tenant itself.
/// Permissions no scope lists (rejected uplinks) are never available to a token.
/// </summary>
public static class ApiTokenScopes
{
    public const string DevicesRead = "devices:read";
    public const string DevicesWrite = "devices:write";
    public const string MeasurementsRead = "measurements:read";
    public const string DecodersRead = "decoders:read";
    public const string DecodersWrite = "decoders:write";
    public const string ExportsCreate = "exports:create";
    public const string AuditRead = "audit:read";
    public const string MembersAdmin = "members:admin";

    public static readonly FrozenDictionary<string, FrozenSet<Permission>> Permissions = new Dictionary<string, Permission[]>
    {
        [DevicesRead] = [Permission.OrganizationsList, Permission.OrganizationRead, Permission.DevicesList, Permission.DeviceRead],
        [DevicesWrite] = [Permission.DeviceCreate, Permission.DeviceUpdate, Permission.DeviceDelete],
        [MeasurementsRead] = [Permission.DeviceDataRead],
        [DecodersRead] = [Permission.DecodersRead],
        [DecodersWrite] = [Permission.DecodersManage],
        [ExportsCreate] = [Permission.DataExport],
        [AuditRead] = [Permission.AuditRead],
        [MembersAdmin] =
        [
            Permission.MembersRead, Permission.MembersManage, Permission.OrganizationCreate, Permission.OrganizationUpdate,
            Permission.OrganizationDelete, Permission.OrganizationGrantsRead, Permission.OrganizationGrantsManage,
            Permission.DeviceGrantsRead, Permission.DeviceGrantsManage,
        ],
    }.ToFrozenDictionary(scope => scope.Key, scope => scope.Value.Append(Permission.TenantRead).ToFrozenSet(), StringComparer.Ordinal);

    public static bool IsKnown(string scope) => Permissions.ContainsKey(scope);

    /// <summary>The permissions a set of known scopes allows together.</summary>
    public static FrozenSet<Permission> PermissionsOf(IEnumerable<string> scopes) =>
        scopes.Where(IsKnown).SelectMany(scope => Permissions[scope]).ToFrozenSet();

    /// <summary>
    /// Whether the user could use the scope at all with their current rights: some permission it
    /// allows (other than reading the tenant) holds tenant-wide, or on an organization or device
    /// they hold a grant on. A token may not be given a scope its owner has no use of.
    /// </summary>
    public static bool IsWithin(string scope, TenantAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return IsKnown(scope) && Permissions[scope].Where(permission => permission != Permission.TenantRead).Any(permission =>
            access.Allows(permission)
            || access.GrantedOrganizationIds.Any(organization => access.AllowsOnOrganization(permission, organization))
            || access.GrantedDeviceIds.Any(device => access.AllowsOnDevice(permission, device, Guid.Empty)));
    }
}
