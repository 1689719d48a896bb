using System.Text.Json.Nodes;
using FluentValidation;
using Platform.Api.Features.Devices;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <summary>A test vector as clients send it: bytes in hex or base64, <c>expected</c> a <c>{data?, warnings?, errors?}</c> object.</summary>
public sealed class VectorInput
{
    public string Description { get; init; } = string.Empty;

    public int FPort { get; init; }

    public string Bytes { get; init; } = string.Empty;

    /// <summary>"hex" or "base64"; when absent, an even number of hex digits is hex and anything else base64.</summary>
    public string? Encoding { get; init; }

    public JsonNode? Expected { get; init; }

    public DateTimeOffset? RecvTime { get; init; }

    public Dictionary<string, string>? Variables { get; init; }

    /// <summary>The vector as stored: bytes normalized to lowercase hex. Valid input only.</summary>
    public DecoderVector ToVector()
    {
        _ = PayloadBytes.TryParse(Bytes, Encoding, out var bytes);
        return new DecoderVector(Description.Trim(), FPort, Convert.ToHexStringLower(bytes!), Expected!.AsObject(), RecvTime, Variables);
    }

    public sealed class Validator : AbstractValidator<VectorInput>
    {
        public const int MaxDescriptionLength = 500;

        private const string ExpectedMessage = "The expected result is an object with data, warnings or errors.";

        public Validator()
        {
            RuleFor(vector => vector.Description).NotEmpty().MaximumLength(MaxDescriptionLength);
            // Port 0 carries MAC commands only, but a decoder may still be called with it; 224+ are reserved yet valid.
            RuleFor(vector => vector.FPort).InclusiveBetween(0, 255);
            RuleFor(vector => vector.Encoding).Must(PayloadBytes.IsEncoding).WithMessage(PayloadBytes.EncodingMessage);
            // NotNull before each Must: the same check, but one the OpenAPI document shows as "required".
            RuleFor(vector => vector.Bytes).Cascade(CascadeMode.Stop).NotNull().WithMessage(PayloadBytes.Message)
                .Must((vector, bytes) => PayloadBytes.TryParse(bytes, vector.Encoding, out _)).WithMessage(PayloadBytes.Message);
            RuleFor(vector => vector.Expected).Cascade(CascadeMode.Stop).NotNull().WithMessage(ExpectedMessage)
                .Must(expected => expected is JsonObject).WithMessage(ExpectedMessage);
            RuleFor(vector => vector.Variables).Must(DeviceTags.AreValid).WithMessage(DeviceTags.MessageFor("variables"));
        }
    }
}
