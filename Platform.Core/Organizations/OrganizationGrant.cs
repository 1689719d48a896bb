using Platform.Core.Tenancy;

namespace Platform.Core.Organizations;

/// <summary>A user's access to one organization, and whether they may export its data.</summary>
public sealed class OrganizationGrant : ITenantOwned
{
    private OrganizationGrant()
    {
    }

    public OrganizationGrant(Guid tenantId, Guid organizationId, Guid userId, OrganizationAccess access, bool canExport, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        OrganizationId = organizationId;
        UserId = userId;
        CreatedAt = createdAt;
        Change(access, canExport);
    }

    public Guid TenantId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid UserId { get; private set; }

    public OrganizationAccess Access { get; private set; }

    public bool CanExport { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Change(OrganizationAccess access, bool canExport)
    {
        Access = Enum.IsDefined(access) ? access : throw new ArgumentOutOfRangeException(nameof(access));
        CanExport = canExport;
    }
}
