using FluentValidation;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

public sealed class DecoderInputValidator : AbstractValidator<DecoderInput>
{
    private static readonly string NameMessage = $"A decoder name is 1 to {Decoder.MaxNameLength} characters.";

    public DecoderInputValidator()
    {
        // NotEmpty before the Must: part of the same check, and what the OpenAPI document shows as "required".
        RuleFor(input => input.Name).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(NameMessage)
            .Must(name => name?.Trim().Length is > 0 and <= Decoder.MaxNameLength).WithMessage(NameMessage);
        RuleFor(input => input.Description).MaximumLength(Decoder.MaxDescriptionLength);
        RuleFor(input => input.Version).SetValidator(new DecoderVersionInputValidator()!).When(input => input.Version is not null);
    }
}
