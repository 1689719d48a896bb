using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;
using Platform.Core.UseCases;

namespace Platform.Core.Tenancy.Members;

/// <summary>
/// What a tenant never loses when someone stops being one of its admins: an admin who is a person (a
/// service account with the admin role cannot manage service accounts or tokens), and the break-glass
/// admin of an enforced provider (while passwords are switched off, the way back in should the provider
/// fail). One home for the rule that removing a member and demoting one both ask.
/// </summary>
public static class AdminSafeguards
{
    /// <summary>
    /// Why <paramref name="userId"/> may not stop being an admin of the tenant, or null. Call inside the
    /// change's transaction: the admin rows stay locked until commit, so two admins demoting or removing
    /// each other at once cannot both succeed.
    /// </summary>
    /// <param name="change">"demoted" or "removed", for the refusal's wording.</param>
    public static async Task<Refusal?> RefuseLosingAdminAsync(PlatformDbContext database, Guid tenantId, Guid userId, string change,
        CancellationToken cancellationToken)
    {
        if (await database.IdentityProviders.AnyAsync(provider => provider.TenantId == tenantId && provider.BreakGlassUserId == userId
                && provider.State == IdentityProviderState.Enforced, cancellationToken))
        {
            return new Refusal.Conflict(
                "This member is the break-glass admin of an enforced identity provider; relax it or name another break-glass admin first.",
                "break-glass-admin");
        }

        var admin = nameof(TenantRole.Admin);
        var person = nameof(UserKind.Person);
        var admins = await database.Database.SqlQuery<Guid>($"""
                SELECT m.user_id AS "Value" FROM tenant_memberships m JOIN users u ON u.id = m.user_id
                WHERE m.tenant_id = {tenantId} AND m.role = {admin} AND u.kind = {person} FOR UPDATE OF m
                """)
            .ToListAsync(cancellationToken);
        return admins.Count == 1 && admins[0] == userId
            ? new Refusal.Conflict($"The tenant's last admin cannot be {change}.", "last-admin")
            : null;
    }
}
