using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Api.Features.ServiceAccounts;

/// <summary>
/// The one way endpoints reach service accounts: through the tenant-owned row, which the tenant
/// filter and row-level security keep to the current tenant, so another tenant's account is simply
/// not found (404).
/// </summary>
public static class ServiceAccountLookup
{
    /// <summary>The tenant's service accounts (or the one with <paramref name="id"/>), oldest first; tracked.</summary>
    public static IQueryable<ServiceAccountRows> ServiceAccountsOf(this PlatformDbContext database, Guid tenantId, Guid? id = null) =>
        database.ServiceAccounts
            .Where(account => account.TenantId == tenantId && (id == null || account.Id == id))
            .Join(database.Users, account => account.Id, user => user.Id, (account, user) => new { account, user })
            .Join(database.TenantMemberships.Where(membership => membership.TenantId == tenantId),
                row => row.account.Id, membership => membership.UserId,
                (row, membership) => new { row.account, row.user, membership })
            .OrderBy(row => row.account.CreatedAt).ThenBy(row => row.account.Id)
            .Select(row => new ServiceAccountRows(row.account, row.user, row.membership));

    public static Task<ServiceAccountRows?> FindServiceAccountAsync(this PlatformDbContext database, Guid tenantId, Guid id,
        CancellationToken ct) =>
        database.ServiceAccountsOf(tenantId, id).SingleOrDefaultAsync(ct);
}
