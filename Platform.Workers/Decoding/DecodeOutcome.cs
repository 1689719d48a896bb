namespace Platform.Workers.Decoding;

/// <summary>How the decoding of one uplink ended; failures are counted by kind.</summary>
public enum DecodeOutcome
{
    Decoded,

    /// <summary>The script's own errors, a thrown exception, a malformed answer or a version that does not compile.</summary>
    DecoderError,

    /// <summary>The sandbox stopped it: time, memory, statements, recursion or output size.</summary>
    Limit,

    /// <summary>Not run: the version broke limits repeatedly and is suspended for a while (<see cref="DecoderCircuit"/>).</summary>
    Suspended,
}
