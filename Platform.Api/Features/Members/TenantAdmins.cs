using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Members;

/// <summary>
/// The rule that a tenant always keeps at least one admin who is a person: a service account with the
/// admin role does not count, as it cannot manage service accounts or tokens (API tokens may not).
/// </summary>
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
        var person = nameof(UserKind.Person);
        var admins = await database.Database.SqlQuery<Guid>($"""
                SELECT m.user_id AS "Value" FROM tenant_memberships m JOIN users u ON u.id = m.user_id
                WHERE m.tenant_id = {tenantId} AND m.role = {admin} AND u.kind = {person} FOR UPDATE OF m
                """)
            .ToListAsync(ct);
        return admins.Count == 1 && admins[0] == userId;
    }
}
