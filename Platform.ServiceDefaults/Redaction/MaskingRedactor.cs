using Microsoft.Extensions.Compliance.Redaction;

namespace Platform.ServiceDefaults.Redaction;

/// <summary>
/// Replaces a classified value with a fixed mask. A fixed length (unlike erasing) shows a reader
/// that a value was there, and (unlike hashing) gives nothing to correlate or brute-force.
/// </summary>
public sealed class MaskingRedactor : Redactor
{
    public const string Mask = "[redacted]";

    public override int GetRedactedLength(ReadOnlySpan<char> input) => Mask.Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        Mask.AsSpan().CopyTo(destination);
        return Mask.Length;
    }
}
