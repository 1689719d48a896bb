using FastEndpoints;
using Platform.Api.Paging;

namespace Platform.Api.Features.ServiceAccounts.ListServiceAccountTokens;

public sealed class Request : PagedRequest
{
    public Guid TenantId { get; init; }

    public Guid ServiceAccountId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new PagedRequestValidator());
    }
}
