namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// What one call of a JavaScript decoder may use. Each limit applies per call (the engine resets its
/// counters on every invocation), so a decoder cannot save up budget across uplinks.
/// </summary>
public sealed record DecoderLimits
{
    public static DecoderLimits Default { get; } = new();

    public TimeSpan Time { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Bytes the calling thread may allocate during one call.</summary>
    public long MemoryBytes { get; init; } = 8 * 1024 * 1024;

    public int RecursionDepth { get; init; } = 64;

    public int Statements { get; init; } = 1_000_000;

    /// <summary>Bytes of the result serialized as UTF-8 JSON.</summary>
    public int OutputBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Largest array (Jint counts its backing capacity, so the usable length is somewhat lower). A payload
    /// is at most a few hundred bytes; this turns <c>new Array(1e9)</c> into an immediate memory error.
    /// </summary>
    public uint ArrayLength { get; init; } = 256 * 1024;

    // A JS string costs two bytes a character: a longer one could never fit the memory limit anyway.
    internal long StringLength => MemoryBytes / 2;
}
