using Platform.Core.Decoding;

namespace Platform.Core.Decoders;

/// <summary>How one test vector fared: what the decoder returned and, when it failed, the first difference.</summary>
public sealed record VectorOutcome(int Index, string Description, DecodeResult Actual, JsonDifference? Difference)
{
    public bool Passed => Difference is null;

    /// <summary>
    /// Runs every vector against <paramref name="decoder"/>, in order. A time-out is tried once more:
    /// a busy machine's stall must not refuse an activation whose vectors pass. Once a vector times
    /// out on its second try too, the script is taken at its word and no further vector gets one, so
    /// a script that loops on every vector holds its request no longer than without retries.
    /// </summary>
    public static IReadOnlyList<VectorOutcome> RunAll(IUplinkDecoder decoder, IReadOnlyList<DecoderVector> vectors)
    {
        var outcomes = new List<VectorOutcome>(vectors.Count);
        var retryTimeOuts = true;
        for (var index = 0; index < vectors.Count; index++)
        {
            var vector = vectors[index];
            var actual = retryTimeOuts ? decoder.DecodeToleratingStalls(vector.ToInput()) : decoder.Decode(vector.ToInput());
            retryTimeOuts &= !LimitErrors.IsTimeLimit(LimitErrors.Of(actual));
            outcomes.Add(new VectorOutcome(index, vector.Description, actual, VectorMatch.Compare(vector.Expected, actual)));
        }

        return outcomes;
    }
}
