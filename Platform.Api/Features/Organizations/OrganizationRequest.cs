namespace Platform.Api.Features.Organizations;

/// <summary>Route values of every endpoint of one organization.</summary>
public class OrganizationRequest
{
    public Guid TenantId { get; init; }

    public Guid OrganizationId { get; init; }
}
