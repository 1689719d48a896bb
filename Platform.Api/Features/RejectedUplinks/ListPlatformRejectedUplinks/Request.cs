using FastEndpoints;

namespace Platform.Api.Features.RejectedUplinks.ListPlatformRejectedUplinks;

public sealed class Request : RejectedUplinkQueryRequest
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new RejectedUplinkQueryRequestValidator());
    }
}
