using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Platform.Core.NetworkServer.Uplinks;

/// <summary>
/// Finds a string or member name of a JSON message that PostgreSQL text cannot hold (see
/// <see cref="StorableText"/>). In valid UTF-8 JSON both can only be written as <c>\u</c> escapes,
/// so a message without any costs one vectorised search, and one with escapes a reader pass that
/// allocates nothing; only a message that has one pays for naming where it is.
/// </summary>
public static class UnstorableJsonText
{
    /// <summary>The JSON path of the first such string or member name (e.g. <c>$.rxInfo[0].gatewayId</c>), or null.</summary>
    /// <param name="json">Valid UTF-8; if it is not valid JSON, null (the JSON parser then says what is wrong).</param>
    public static string? Find(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json);
        var found = -1L;
        try
        {
            // To the end even after a find: broken JSON is the parser's to report, as for any other message.
            while (reader.Read())
            {
                if (found < 0 && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    && reader.ValueIsEscaped && HasUnstorableEscape(reader.ValueSpan))
                {
                    found = reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return found < 0 ? null : PathOf(json, found);
    }

    /// <param name="escaped">A string token as written, between its quotes: its escapes are well formed.</param>
    private static bool HasUnstorableEscape(ReadOnlySpan<byte> escaped)
    {
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != (byte)'\\')
            {
                continue;
            }

            if (escaped[i + 1] != (byte)'u')
            {
                i++;
                continue;
            }

            var unit = CodeUnitAt(escaped, i);
            if (unit == 0 || char.IsLowSurrogate(unit))
            {
                return true;
            }

            if (char.IsHighSurrogate(unit))
            {
                if (i + 12 > escaped.Length || escaped[i + 6] != (byte)'\\' || escaped[i + 7] != (byte)'u'
                    || !char.IsLowSurrogate(CodeUnitAt(escaped, i + 6)))
                {
                    return true;
                }

                i += 6;
            }

            i += 5;
        }

        return false;
    }

    private static char CodeUnitAt(ReadOnlySpan<byte> escaped, int backslash)
    {
        Utf8Parser.TryParse(escaped.Slice(backslash + 2, 4), out ushort unit, out _, 'X');
        return (char)unit;
    }

    private const int InObject = int.MinValue;

    /// <summary>Walks the message again up to the token at <paramref name="offset"/>, keeping the path to it.</summary>
    private static string PathOf(ReadOnlySpan<byte> json, long offset)
    {
        // Per open container: the member name or element index its current value is at.
        var segments = new List<string>();
        var indices = new List<int>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            var top = segments.Count - 1;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    // The names before the one found are storable; the one found is shown as written.
                    segments[top] = "." + (reader.TokenStartIndex == offset ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.GetString());
                    if (reader.TokenStartIndex == offset)
                    {
                        return "$" + string.Concat(segments);
                    }

                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    segments.RemoveAt(top);
                    indices.RemoveAt(top);
                    continue;
            }

            if (top >= 0 && indices[top] != InObject)
            {
                indices[top]++;
                segments[top] = $"[{indices[top]}]";
            }

            if (reader.TokenStartIndex == offset)
            {
                return "$" + string.Concat(segments);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                segments.Add("");
                indices.Add(reader.TokenType == JsonTokenType.StartArray ? -1 : InObject);
            }
        }

        return "$";
    }
}
