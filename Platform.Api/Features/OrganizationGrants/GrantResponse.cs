using Platform.Core.Identity;
using Platform.Core.Organizations;

namespace Platform.Api.Features.OrganizationGrants;

public sealed record GrantResponse(Guid OrganizationId, Guid UserId, string Email, string DisplayName, OrganizationAccess Access,
    bool CanExport, DateTimeOffset CreatedAt)
{
    public static GrantResponse From(OrganizationGrant grant, User user) =>
        new(grant.OrganizationId, user.Id, user.Email, user.DisplayName, grant.Access, grant.CanExport, grant.CreatedAt);
}
