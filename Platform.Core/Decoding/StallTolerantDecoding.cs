namespace Platform.Core.Decoding;

/// <summary>
/// The sandbox's time limit is wall-clock time, which a garbage collection or a starved core can use
/// up for a well-behaved decoder. Where such a stall must not count as the script's fault (storing
/// uplinks, running an activation's vectors), a time-out is decoded once more: a script that really
/// runs too long fails again, at the cost of one more limit's worth of time.
/// </summary>
public static class StallTolerantDecoding
{
    public static DecodeResult DecodeToleratingStalls(this IUplinkDecoder decoder, DecodeInput input)
    {
        var result = decoder.Decode(input);
        return LimitErrors.IsTimeLimit(LimitErrors.Of(result)) ? decoder.Decode(input) : result;
    }
}
