using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <summary>A new decoder version as clients send it; the codec travels as its name.</summary>
public class DecoderVersionInput
{
    public string Codec { get; init; } = string.Empty;

    public string? Script { get; init; }

    public List<VectorInput> Vectors { get; init; } = [];

    public string? Notes { get; init; }

    /// <summary>The codec; valid input only.</summary>
    public DecoderCodec ParsedCodec => Enum.Parse<DecoderCodec>(Codec);

    public static bool IsCodec(string? codec) => Enum.GetNames<DecoderCodec>().Contains(codec, StringComparer.Ordinal);

    public static string CodecMessage => $"The codec is one of: {string.Join(", ", Enum.GetNames<DecoderCodec>())}.";
}
