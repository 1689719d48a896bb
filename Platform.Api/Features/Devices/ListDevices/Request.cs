using FastEndpoints;
using Platform.Api.Paging;

namespace Platform.Api.Features.Devices.ListDevices;

public sealed class Request : PagedRequest
{
    public Guid TenantId { get; init; }

    [QueryParam]
    public Guid? OrganizationId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new PagedRequestValidator());
    }
}
