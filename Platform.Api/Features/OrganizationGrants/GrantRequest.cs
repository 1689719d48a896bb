namespace Platform.Api.Features.OrganizationGrants;

/// <summary>Route values of every endpoint of one user's grant on one organization.</summary>
public class GrantRequest
{
    public Guid TenantId { get; init; }

    public Guid OrganizationId { get; init; }

    public Guid UserId { get; init; }
}
