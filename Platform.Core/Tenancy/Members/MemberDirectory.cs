using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Core.Tenancy.Members;

/// <summary>A person member as the members routes show them: the membership and its user.</summary>
public sealed record MemberEntry(TenantMembership Membership, User User);

/// <summary>
/// The people who are members of a tenant, in the order the members list shows them (oldest membership
/// first). Service accounts are members for authorization only: they are listed under their own routes.
/// Reads run in the request's tenant scope.
/// </summary>
public sealed class MemberDirectory(PlatformDbContext database)
{
    public IQueryable<MemberEntry> People(Guid tenantId) => Query(tenantId, userId: null);

    public Task<MemberEntry?> FindAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        Query(tenantId, userId).SingleOrDefaultAsync(cancellationToken);

    // Filtered before the projection: EF translates the rows' columns, not the record built from them.
    private IQueryable<MemberEntry> Query(Guid tenantId, Guid? userId) =>
        database.TenantMemberships.AsNoTracking()
            .Where(membership => membership.TenantId == tenantId && (userId == null || membership.UserId == userId))
            .Join(database.Users, membership => membership.UserId, user => user.Id, (membership, user) => new { membership, user })
            .Where(row => row.user.Kind == UserKind.Person)
            .OrderBy(row => row.membership.CreatedAt).ThenBy(row => row.membership.UserId)
            .Select(row => new MemberEntry(row.membership, row.user));
}
