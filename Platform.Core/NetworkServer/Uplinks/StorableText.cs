using System.Text;

namespace Platform.Core.NetworkServer.Uplinks;

/// <summary>
/// PostgreSQL text holds neither U+0000 nor a lone surrogate (which has no UTF-8 form): a row with
/// one cannot be written at all, and with it the batch it belongs to.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The text with every NUL and lone surrogate replaced by U+FFFD, cut to at most
    /// <paramref name="maxLength"/> characters without splitting a surrogate pair.
    /// </summary>
    public static string Of(string text, int maxLength = int.MaxValue)
    {
        var length = text.Length <= maxLength ? text.Length
            : maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        var span = text.AsSpan(0, length);
        if (IsStorable(span))
        {
            return length == text.Length ? text : span.ToString();
        }

        var storable = new StringBuilder(length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                storable.Append(c).Append(span[++i]);
            }
            else
            {
                storable.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return storable.ToString();
    }
}
