using Platform.Core.Decoding;

namespace Platform.Core.Decoders;

/// <summary>How one test vector fared: what the decoder returned and, when it failed, the first difference.</summary>
public sealed record VectorOutcome(int Index, string Description, DecodeResult Actual, JsonDifference? Difference)
{
    public bool Passed => Difference is null;

    /// <summary>
    /// Runs every vector against <paramref name="decoder"/>, in order. A time-out is tried once more:
    /// a busy machine's stall must not refuse an activation whose vectors pass.
    /// </summary>
    public static IReadOnlyList<VectorOutcome> RunAll(IUplinkDecoder decoder, IReadOnlyList<DecoderVector> vectors) =>
        vectors.Select((vector, index) =>
        {
            var actual = decoder.DecodeToleratingStalls(vector.ToInput());
            return new VectorOutcome(index, vector.Description, actual, VectorMatch.Compare(vector.Expected, actual));
        }).ToList();
}
