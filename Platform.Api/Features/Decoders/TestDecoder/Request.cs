using FastEndpoints;
using FluentValidation;
using Platform.Api.Features.Devices;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders.TestDecoder;

/// <summary>
/// One payload to decode with exactly one of: a draft <see cref="Script"/>, a stored version
/// (<see cref="DecoderId"/> and <see cref="Version"/>), or a built-in codec (<see cref="Codec"/>: CayenneLpp).
/// </summary>
public sealed class Request
{
    public Guid TenantId { get; init; }

    public string? Script { get; init; }

    public Guid? DecoderId { get; init; }

    public int? Version { get; init; }

    public string? Codec { get; init; }

    public int FPort { get; init; }

    /// <summary>Hex (an even number of hex digits) or base64.</summary>
    public string Bytes { get; init; } = string.Empty;

    /// <summary>"hex" or "base64"; when absent, an even number of hex digits is hex and anything else base64.</summary>
    public string? Encoding { get; init; }

    public Dictionary<string, string>? Variables { get; init; }

    /// <summary>What the decoder sees as <c>input.recvTime</c>; now when absent.</summary>
    public DateTimeOffset? RecvTime { get; init; }

    internal bool UsesStoredVersion => DecoderId is not null || Version is not null;

    internal bool UsesBuiltInCodec => Codec is not null && Codec != nameof(DecoderCodec.JavaScript);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(request => request)
                .Must(request => (request.Script is not null ? 1 : 0) + (request.UsesStoredVersion ? 1 : 0) + (request.UsesBuiltInCodec ? 1 : 0) == 1)
                .WithName("script")
                .WithMessage("Give exactly one of: script, decoderId with version, or codec \"CayenneLpp\".");
            RuleFor(request => request.Script).NotEmpty().MaximumLength(DecoderVersion.MaxScriptLength).When(request => request.Script is not null);
            RuleFor(request => request.DecoderId).NotNull().When(request => request.Version is not null);
            RuleFor(request => request.Version).NotNull().GreaterThan(0).When(request => request.DecoderId is not null);
            RuleFor(request => request.Codec).Must(DecoderVersionInput.IsCodec).WithMessage(DecoderVersionInput.CodecMessage)
                .When(request => request.Codec is not null);
            RuleFor(request => request.FPort).InclusiveBetween(0, 255);
            RuleFor(request => request.Encoding).Must(PayloadBytes.IsEncoding).WithMessage(PayloadBytes.EncodingMessage);
            RuleFor(request => request.Bytes).Must((request, bytes) => PayloadBytes.TryParse(bytes, request.Encoding, out _))
                .WithMessage(PayloadBytes.Message);
            RuleFor(request => request.Variables).Must(DeviceTags.AreValid).WithMessage(DeviceTags.MessageFor("variables"));
        }
    }
}
