using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <summary>A new decoder as clients send it, optionally with its first version.</summary>
public class DecoderInput
{
    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    public DecoderVersionInput? Version { get; init; }
}
