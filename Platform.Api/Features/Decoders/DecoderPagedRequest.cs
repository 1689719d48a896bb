using FastEndpoints;
using Platform.Api.Paging;

namespace Platform.Api.Features.Decoders;

/// <summary>Route values and paging of the lists that belong to one decoder (its versions, its re-decode jobs).</summary>
public sealed class DecoderPagedRequest : PagedRequest
{
    public Guid TenantId { get; init; }

    public Guid DecoderId { get; init; }

    public sealed class Validator : Validator<DecoderPagedRequest>
    {
        public Validator() => Include(new PagedRequestValidator());
    }
}
