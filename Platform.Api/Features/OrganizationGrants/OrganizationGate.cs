using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.OrganizationGrants;

/// <summary>The resource check of the grant endpoints: 404 when the caller cannot see the organization, 403 when they may not act.</summary>
public static class OrganizationGate
{
    public static async Task<IResult?> DenyAsync(PlatformDbContext database, TenantAccess access, Guid organizationId,
        Permission permission, CancellationToken ct)
    {
        var exists = await database.Organizations.AnyAsync(organization => organization.Id == organizationId, ct);
        if (!exists || !access.CanSeeOrganization(organizationId))
        {
            return ApiProblems.NotFound("organization");
        }

        return access.AllowsOnOrganization(permission, organizationId) ? null : ApiProblems.Forbidden();
    }
}
