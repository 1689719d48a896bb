using FastEndpoints;

namespace Platform.Api.Features.Decoders.CreateLibraryDecoder;

public sealed class Request : DecoderInput
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new DecoderInputValidator());
    }
}
