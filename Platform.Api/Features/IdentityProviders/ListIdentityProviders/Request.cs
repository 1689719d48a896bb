using FastEndpoints;
using Platform.Api.Paging;

namespace Platform.Api.Features.IdentityProviders.ListIdentityProviders;

public sealed class Request : PagedRequest
{
    public Guid TenantId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new PagedRequestValidator());
    }
}
