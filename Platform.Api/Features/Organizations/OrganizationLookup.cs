using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Core.Authorization;
using Platform.Core.Organizations;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Organizations;

/// <summary>
/// The one way endpoints reach an organization: 404 when the caller cannot see it (or it does not
/// exist), 403 when they can see it but may not do what they ask.
/// </summary>
public static class OrganizationLookup
{
    public static async Task<(Organization? Organization, IResult? Problem)> FindOrganizationAsync(this PlatformDbContext database,
        TenantAccess access, Guid organizationId, Permission permission, CancellationToken ct)
    {
        var organization = await database.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        return organization is null ? (null, ApiProblems.NotFound("organization")) : (organization, Check(access, organizationId, permission));
    }

    /// <summary>The same check when only the organization's existence matters (its grants' endpoints).</summary>
    public static async Task<IResult?> DenyAsync(PlatformDbContext database, TenantAccess access, Guid organizationId,
        Permission permission, CancellationToken ct) =>
        await database.Organizations.AnyAsync(o => o.Id == organizationId, ct)
            ? Check(access, organizationId, permission)
            : ApiProblems.NotFound("organization");

    private static IResult? Check(TenantAccess access, Guid organizationId, Permission permission) =>
        !access.CanSeeOrganization(organizationId) ? ApiProblems.NotFound("organization")
        : access.AllowsOnOrganization(permission, organizationId) ? null
        : ApiProblems.Forbidden();
}
