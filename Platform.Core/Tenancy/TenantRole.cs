namespace Platform.Core.Tenancy;

/// <summary>A member's role in one tenant. Order matters: a higher value includes the lower ones.</summary>
public enum TenantRole
{
    /// <summary>Reads only what organization or device grants give.</summary>
    Viewer = 1,

    /// <summary>Reads and works with what organization or device grants give.</summary>
    Member = 2,

    /// <summary>Everything in the tenant: members, organizations, devices, grants, audit.</summary>
    Admin = 3,
}
