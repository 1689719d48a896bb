namespace Platform.Core.Tenancy;

/// <summary>
/// A row that belongs to one tenant. The DbContext filters every such entity by the current data
/// scope, and PostgreSQL row-level security enforces the same rule for the services' role.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
