using FluentValidation;
using FastEndpoints;

namespace Platform.Api.Features.Decoders.ActivateVersion;

public sealed class Request : DecoderVersionRequest
{
    /// <summary>Also re-decode the tenant's stored uplinks of this range with the version.</summary>
    public RedecodeInput? Redecode { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(request => request.Redecode).SetValidator(new RedecodeRangeValidator()!).When(request => request.Redecode is not null);
    }
}
