using FluentValidation;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

public sealed class DecoderVersionInputValidator : AbstractValidator<DecoderVersionInput>
{
    public DecoderVersionInputValidator()
    {
        RuleFor(input => input.EffectiveCodec).Must(DecoderVersionInput.IsCodec).OverridePropertyName(nameof(DecoderVersionInput.Codec))
            .WithMessage(input => input.Codec is null
                ? $"A version has a script (its codec is then JavaScript) or a codec. {DecoderVersionInput.CodecMessage}"
                : DecoderVersionInput.CodecMessage);
        RuleFor(input => input.Script).NotEmpty().MaximumLength(DecoderVersion.MaxScriptLength)
            .When(input => input.EffectiveCodec == nameof(DecoderCodec.JavaScript))
            .WithMessage($"A JavaScript version has a script of at most {DecoderVersion.MaxScriptLength} characters.");
        RuleFor(input => input.Script).Null()
            .When(input => input.EffectiveCodec != nameof(DecoderCodec.JavaScript) && DecoderVersionInput.IsCodec(input.EffectiveCodec))
            .WithMessage("A built-in codec takes no script.");
        RuleFor(input => input.Vectors).Cascade(CascadeMode.Stop).NotNull().Must(vectors => vectors.Count <= DecoderVersion.MaxVectors)
            .WithMessage($"A version has at most {DecoderVersion.MaxVectors} vectors.");
        RuleForEach(input => input.Vectors).Cascade(CascadeMode.Stop).NotNull().WithMessage("A vector is an object.")
            .SetValidator(new VectorInput.Validator());
        RuleFor(input => input.Notes).MaximumLength(DecoderVersion.MaxNotesLength);
    }
}
