namespace Platform.Core.Tenancy.Invitations;

/// <summary>In which capacity someone manages a tenant's invitations.</summary>
public enum InvitingAs
{
    /// <summary>A member with the right to manage members: any role, within their credential's rights.</summary>
    TenantAdmin = 1,

    /// <summary>
    /// A platform admin who is not a member: onboarding only, so invitations with the Admin role and
    /// nothing else inside the tenant. Audited on the tenant's chain and the platform's.
    /// </summary>
    PlatformAdmin = 2,
}
