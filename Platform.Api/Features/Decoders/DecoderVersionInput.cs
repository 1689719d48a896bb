using System.Text.Json.Serialization;
using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <summary>A new decoder version as clients send it; the codec travels as its name.</summary>
public class DecoderVersionInput
{
    /// <summary>JavaScript or CayenneLpp; when absent, a version with a script is JavaScript.</summary>
    public string? Codec { get; init; }

    public string? Script { get; init; }

    public List<VectorInput> Vectors { get; init; } = [];

    public string? Notes { get; init; }

    /// <summary>The codec given, or JavaScript when none is given with a script: a script is only ever JavaScript.</summary>
    [JsonIgnore]
    public string? EffectiveCodec => Codec ?? (Script is not null ? nameof(DecoderCodec.JavaScript) : null);

    /// <summary>The codec; valid input only.</summary>
    [JsonIgnore]
    public DecoderCodec ParsedCodec => Enum.Parse<DecoderCodec>(EffectiveCodec!);

    public static bool IsCodec(string? codec) => Enum.GetNames<DecoderCodec>().Contains(codec, StringComparer.Ordinal);

    public static string CodecMessage => $"The codec is one of: {string.Join(", ", Enum.GetNames<DecoderCodec>())}.";
}
