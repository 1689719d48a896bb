using FluentValidation;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

public sealed class DecoderInputValidator : AbstractValidator<DecoderInput>
{
    public DecoderInputValidator()
    {
        RuleFor(input => input.Name).Must(name => name?.Trim().Length is > 0 and <= Decoder.MaxNameLength)
            .WithMessage($"A decoder name is 1 to {Decoder.MaxNameLength} characters.");
        RuleFor(input => input.Description).MaximumLength(Decoder.MaxDescriptionLength);
        RuleFor(input => input.Version).SetValidator(new DecoderVersionInputValidator()!).When(input => input.Version is not null);
    }
}
