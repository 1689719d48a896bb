namespace Platform.Core.Tenancy;

/// <summary>A user's membership of a tenant, with the tenant role.</summary>
public sealed class TenantMembership : ITenantOwned
{
    private TenantMembership()
    {
    }

    public TenantMembership(Guid tenantId, Guid userId, TenantRole role, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        UserId = userId;
        Role = Enum.IsDefined(role) ? role : throw new ArgumentOutOfRangeException(nameof(role));
        CreatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public TenantRole Role { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void ChangeRole(TenantRole role) =>
        Role = Enum.IsDefined(role) ? role : throw new ArgumentOutOfRangeException(nameof(role));
}
