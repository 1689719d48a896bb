using FastEndpoints;

namespace Platform.Api.Features.Decoders.CreateVersion;

public sealed class Request : DecoderVersionInput
{
    public Guid TenantId { get; init; }

    public Guid DecoderId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new DecoderVersionInputValidator());
    }
}
