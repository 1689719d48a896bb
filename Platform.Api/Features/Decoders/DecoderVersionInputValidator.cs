using FluentValidation;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

public sealed class DecoderVersionInputValidator : AbstractValidator<DecoderVersionInput>
{
    public DecoderVersionInputValidator()
    {
        RuleFor(input => input.Codec).Must(DecoderVersionInput.IsCodec).WithMessage(DecoderVersionInput.CodecMessage);
        RuleFor(input => input.Script).NotEmpty().MaximumLength(DecoderVersion.MaxScriptLength)
            .When(input => input.Codec == nameof(DecoderCodec.JavaScript))
            .WithMessage($"A JavaScript version has a script of at most {DecoderVersion.MaxScriptLength} characters.");
        RuleFor(input => input.Script).Null().When(input => input.Codec != nameof(DecoderCodec.JavaScript))
            .WithMessage("A built-in codec takes no script.");
        RuleFor(input => input.Vectors).Cascade(CascadeMode.Stop).NotNull().Must(vectors => vectors.Count <= DecoderVersion.MaxVectors)
            .WithMessage($"A version has at most {DecoderVersion.MaxVectors} vectors.");
        RuleForEach(input => input.Vectors).Cascade(CascadeMode.Stop).NotNull().WithMessage("A vector is an object.")
            .SetValidator(new VectorInput.Validator());
        RuleFor(input => input.Notes).MaximumLength(DecoderVersion.MaxNotesLength);
    }
}
