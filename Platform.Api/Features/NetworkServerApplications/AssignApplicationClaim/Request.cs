namespace Platform.Api.Features.NetworkServerApplications.AssignApplicationClaim;

public sealed class Request : ApplicationRoute
{
    /// <summary>The tenant the application belongs to from now on.</summary>
    public Guid TenantId { get; init; }
}
