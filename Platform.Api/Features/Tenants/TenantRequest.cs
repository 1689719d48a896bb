namespace Platform.Api.Features.Tenants;

public class TenantRequest
{
    public Guid TenantId { get; init; }
}
