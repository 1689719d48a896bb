using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <summary>A compiled version with the outcomes of its vectors, not yet added to the decoder.</summary>
public sealed record PreparedVersion(DecoderVersion Version, IReadOnlyList<VectorOutcome> Outcomes);
