namespace Platform.Core.Decoders;

/// <summary>
/// One immutable version of a decoder: a script (or a built-in codec) with the test vectors that
/// must pass before it may be activated. Stored uplinks remember the version that decoded them.
/// </summary>
public sealed class DecoderVersion
{
    /// <summary>
    /// Scripts larger than this are refused: every version is kept. Most decoders are a few KiB, but some
    /// vendors' tracker decoders run past 300 KB.
    /// </summary>
    public const int MaxScriptLength = 1024 * 1024;
    public const int MaxVectors = 100;
    public const int MaxVectorBytes = 242;
    public const int MaxNotesLength = 2_000;

    private DecoderVersion()
    {
        Vectors = [];
        Notes = string.Empty;
    }

    public DecoderVersion(Decoder decoder, int version, DecoderCodec codec, string? script,
        IReadOnlyList<DecoderVector> vectors, string? notes, Guid? createdBy, DateTimeOffset createdAt)
    {
        if (codec == DecoderCodec.JavaScript != script is not null)
        {
            throw new ArgumentException("A JavaScript version has a script; a built-in codec has none.", nameof(script));
        }

        TenantId = decoder.TenantId;
        DecoderId = decoder.Id;
        Version = version;
        Id = Guid.CreateVersion7(createdAt);
        Codec = codec;
        Script = script;
        Vectors = vectors;
        Notes = notes?.Trim() ?? string.Empty;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid? TenantId { get; private set; }

    public Guid DecoderId { get; private set; }

    public int Version { get; private set; }

    /// <summary>Identifies the version everywhere else: caches, stored uplinks, re-decode jobs.</summary>
    public Guid Id { get; private set; }

    public DecoderCodec Codec { get; private set; }

    public string? Script { get; private set; }

    public IReadOnlyList<DecoderVector> Vectors { get; private set; }

    public string Notes { get; private set; }

    /// <summary>The user who created it, or null for the platform's own library versions.</summary>
    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
