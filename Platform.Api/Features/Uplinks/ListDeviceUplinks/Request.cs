using FastEndpoints;
using FluentValidation;
using Platform.Api.Paging;

namespace Platform.Api.Features.Uplinks.ListDeviceUplinks;

public sealed class Request : KeysetPagedRequest
{
    public Guid TenantId { get; init; }

    public Guid DeviceId { get; init; }

    /// <summary>Inclusive, on the network server's time of the uplink.</summary>
    [QueryParam]
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive.</summary>
    [QueryParam]
    public DateTimeOffset? To { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            Include(new KeysetPagedRequestValidator());
            RuleFor(request => request.To).GreaterThan(request => request.From).When(request => request.From is not null);
        }
    }
}
