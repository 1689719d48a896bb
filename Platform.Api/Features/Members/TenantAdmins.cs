using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Members;

/// <summary>The rule that a tenant always keeps at least one admin.</summary>
public static class TenantAdmins
{
    /// <summary>
    /// Whether taking the admin role from <paramref name="userId"/> would leave the tenant without one.
    /// Call inside the change's transaction: the admin rows stay locked until commit, so two admins
    /// demoting each other at once cannot both succeed.
    /// </summary>
    public static async Task<bool> IsLastAdminAsync(PlatformDbContext database, Guid tenantId, Guid userId, CancellationToken ct)
    {
        var admin = nameof(TenantRole.Admin);
        var admins = await database.Database.SqlQuery<Guid>(
                $"SELECT user_id AS \"Value\" FROM tenant_memberships WHERE tenant_id = {tenantId} AND role = {admin} FOR UPDATE")
            .ToListAsync(ct);
        return admins.Count == 1 && admins[0] == userId;
    }
}
