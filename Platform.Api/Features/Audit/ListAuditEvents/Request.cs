using FastEndpoints;

namespace Platform.Api.Features.Audit.ListAuditEvents;

public sealed class Request : AuditQueryRequest
{
    public Guid TenantId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new AuditQueryRequestValidator());
    }
}
