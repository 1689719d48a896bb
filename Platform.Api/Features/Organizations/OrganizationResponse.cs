using Platform.Core.Organizations;

namespace Platform.Api.Features.Organizations;

public sealed record OrganizationResponse(Guid Id, string Name, DateTimeOffset CreatedAt)
{
    public static OrganizationResponse From(Organization organization) =>
        new(organization.Id, organization.Name, organization.CreatedAt);
}
