using System.Text.Json.Nodes;
using Platform.Core.Decoding;

namespace Platform.Core.Decoders;

/// <summary>
/// A test vector of a decoder version: these bytes on this port must decode to <see cref="Expected"/>
/// (compared by <see cref="VectorMatch"/>: JSON semantics, numbers within 1e-9 absolute or 1e-13 relative).
/// </summary>
/// <param name="Bytes">The payload as lowercase hex.</param>
/// <param name="RecvTime">The <c>recvTime</c> the decoder sees; the Unix epoch when the vector gives none, so a vector's outcome never depends on the clock.</param>
public sealed record DecoderVector(
    string Description,
    int FPort,
    string Bytes,
    JsonObject Expected,
    DateTimeOffset? RecvTime = null,
    IReadOnlyDictionary<string, string>? Variables = null)
{
    public DecodeInput ToInput() =>
        new(Convert.FromHexString(Bytes), FPort, RecvTime ?? DateTimeOffset.UnixEpoch, Variables);
}
