using FastEndpoints;
using FluentValidation;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders.UpdateDecoder;

/// <summary>Only the properties present change.</summary>
public sealed class Request : DecoderRequest
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Name).Must(name => name!.Trim().Length is > 0 and <= Decoder.MaxNameLength)
                .WithMessage($"A decoder name is 1 to {Decoder.MaxNameLength} characters.").When(request => request.Name is not null);
            RuleFor(request => request.Description).MaximumLength(Decoder.MaxDescriptionLength);
        }
    }
}
