using FastEndpoints;
using Platform.Api.Paging;

namespace Platform.Api.Features.Devices.ListDeviceGrants;

public sealed class Request : PagedRequest
{
    public Guid TenantId { get; init; }

    public Guid DeviceId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new PagedRequestValidator());
    }
}
