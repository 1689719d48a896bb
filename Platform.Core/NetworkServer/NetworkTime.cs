using System.Text.Json;

namespace Platform.Core.NetworkServer;

/// <summary>
/// Reads a network server's time as RFC 3339 demands it: a date, a time and an offset. Without the
/// offset the reader would take the server's local time zone, and a date alone would become midnight.
/// </summary>
public static class NetworkTime
{
    /// <summary>The problem a rejection names; the parser recognises it in the serializer's exception.</summary>
    public const string Problem = "is not a valid time with a date and an offset (RFC 3339, e.g. 2026-11-20T09:34:15Z)";

    // "2026-11-20T09:34:15Z" is the shortest; ChirpStack's nanoseconds with "+00:00" make 35.
    private const int MaxLength = 64;

    /// <summary>Each character written as a six-byte <c>\u</c> escape.</summary>
    private const int MaxEscapedLength = 6 * MaxLength;

    public static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        // A JSON writer may escape the "+" of an offset (System.Text.Json's default encoder does).
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan.Length > MaxEscapedLength)
        {
            throw new JsonException(Problem);
        }

        Span<byte> unescaped = stackalloc byte[MaxEscapedLength];
        var text = reader.ValueIsEscaped ? unescaped[..reader.CopyString(unescaped)] : reader.ValueSpan;
        if (!HasDateTimeAndOffset(text))
        {
            throw new JsonException(Problem);
        }

        return reader.TryGetDateTimeOffset(out var time) ? time : throw new JsonException(Problem);
    }

    private static bool HasDateTimeAndOffset(ReadOnlySpan<byte> text)
    {
        if (text.Length is < 20 or > MaxLength || text[10] != (byte)'T')
        {
            return false;
        }

        if (text[^1] == (byte)'Z')
        {
            return true;
        }

        // ±hh:mm
        return text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':';
    }
}
