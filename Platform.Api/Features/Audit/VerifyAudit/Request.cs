namespace Platform.Api.Features.Audit.VerifyAudit;

public sealed class Request
{
    public Guid TenantId { get; init; }
}
