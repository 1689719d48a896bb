using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants;

/// <summary>How the platform-admin endpoints of a tenant reach it: 403 for anyone else, 404 when it is gone; audited by the caller.</summary>
internal static class TenantLookup
{
    public static async Task<(Tenant? Tenant, IResult? Problem)> FindForPlatformAdminAsync(this PlatformDbContext database,
        CurrentPrincipal principal, DataScope scope, Guid tenantId, CancellationToken ct)
    {
        if (principal.PlatformRole != PlatformRole.Admin)
        {
            return (null, ApiProblems.Forbidden());
        }

        // Changing a tenant record is platform work even when the admin is also a member of it:
        // row-level security lets tenant rows change only in the platform scope.
        scope.EnterPlatformScope();
        var tenant = await database.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, ct);
        return tenant is null ? (null, ApiProblems.NotFound("tenant")) : (tenant, null);
    }
}
