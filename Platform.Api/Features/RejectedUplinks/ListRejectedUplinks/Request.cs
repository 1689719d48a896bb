using FastEndpoints;

namespace Platform.Api.Features.RejectedUplinks.ListRejectedUplinks;

public sealed class Request : RejectedUplinkQueryRequest
{
    public Guid TenantId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new RejectedUplinkQueryRequestValidator());
    }
}
