using FastEndpoints;

namespace Platform.Api.Features.Decoders.CreateLibraryVersion;

public sealed class Request : DecoderVersionInput
{
    public Guid DecoderId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new DecoderVersionInputValidator());
    }
}
