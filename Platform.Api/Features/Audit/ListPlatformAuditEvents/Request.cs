using FastEndpoints;

namespace Platform.Api.Features.Audit.ListPlatformAuditEvents;

public sealed class Request : AuditQueryRequest
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new AuditQueryRequestValidator());
    }
}
