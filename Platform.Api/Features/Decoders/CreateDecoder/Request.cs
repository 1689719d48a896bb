using FastEndpoints;

namespace Platform.Api.Features.Decoders.CreateDecoder;

public sealed class Request : DecoderInput
{
    public Guid TenantId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new DecoderInputValidator());
    }
}
