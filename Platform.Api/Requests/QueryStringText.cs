using System.Text;

namespace Platform.Api.Requests;

/// <summary>
/// The query string's names and values decoded strictly: ASP.NET's own decoding leaves an invalid
/// UTF-8 escape (e.g. an encoded surrogate, <c>%ED%A0%80</c>) in place instead of refusing it, so the
/// raw query is decoded here once more to tell such input apart.
/// </summary>
internal static class QueryStringText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Each parameter of the raw query (<c>?a=1&amp;b=2</c>): its name and value, null where not valid UTF-8.</summary>
    public static IEnumerable<(string RawName, string? Name, string? Value)> Parameters(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            yield break;
        }

        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? "" : pair[(equals + 1)..];
            yield return (rawName, Decode(rawName), Decode(rawValue));
        }
    }

    private static string? Decode(string escaped)
    {
        var bytes = new List<byte>(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c == '%' && i + 2 < escaped.Length && Uri.IsHexDigit(escaped[i + 1]) && Uri.IsHexDigit(escaped[i + 2]))
            {
                bytes.Add(Convert.ToByte(escaped.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(escaped.Substring(i, char.IsHighSurrogate(c) && i + 1 < escaped.Length ? 2 : 1)));
                i += char.IsHighSurrogate(c) && i + 1 < escaped.Length ? 1 : 0;
            }
        }

        try
        {
            return Strict.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
