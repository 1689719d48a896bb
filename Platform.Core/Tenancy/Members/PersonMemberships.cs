using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Core.Tenancy.Members;

/// <summary>A person's membership of a tenant: service accounts' memberships change through their own routes, never as a person's.</summary>
public static class PersonMemberships
{
    public static Task<TenantMembership?> FindAsync(PlatformDbContext database, Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        database.TenantMemberships
            .Where(m => m.TenantId == tenantId && m.UserId == userId)
            .Where(m => database.Users.Any(user => user.Id == m.UserId && user.Kind == UserKind.Person))
            .SingleOrDefaultAsync(cancellationToken);
}
