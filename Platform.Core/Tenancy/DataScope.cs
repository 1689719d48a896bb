namespace Platform.Core.Tenancy;

/// <summary>
/// Which rows the current unit of work may touch: those of one tenant, the current user's own
/// memberships, or — only through <see cref="EnterPlatformScope"/>, an explicit and audited path —
/// every tenant's. Scoped per request or message; the DbContext and PostgreSQL both read it.
/// </summary>
public sealed class DataScope
{
    public Guid? TenantId { get; private set; }

    public Guid? UserId { get; private set; }

    public bool IsPlatform { get; private set; }

    /// <summary>Changes whenever the scope does, so the database session can be brought in line.</summary>
    public int Version { get; private set; }

    public void EnterTenant(Guid tenantId)
    {
        TenantId = tenantId;
        Version++;
    }

    public void IdentifyUser(Guid userId)
    {
        UserId = userId;
        Version++;
    }

    /// <summary>
    /// Cross-tenant access for platform administration, migrations and system work. Callers audit
    /// each use; nothing reaches this implicitly.
    /// </summary>
    public void EnterPlatformScope()
    {
        IsPlatform = true;
        Version++;
    }

    public void Clear()
    {
        TenantId = null;
        UserId = null;
        IsPlatform = false;
        Version++;
    }
}
