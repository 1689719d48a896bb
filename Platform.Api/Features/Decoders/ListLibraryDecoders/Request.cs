using FastEndpoints;
using Platform.Api.Paging;

namespace Platform.Api.Features.Decoders.ListLibraryDecoders;

public sealed class Request : PagedRequest
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new PagedRequestValidator());
    }
}
