using System.Buffers.Text;
using System.Text;

namespace Platform.Api.Paging;

/// <summary>
/// Cursors of the management lists, base64url encoded so clients treat them as opaque: the id of
/// the last item of a page for lists in the order of their time-ordered ids (a row added or removed
/// on an earlier page then neither skips nor repeats one on a later page), else the position after it.
/// </summary>
public static class PageCursor
{
    private const string OffsetPrefix = "o:";
    private const string KeyPrefix = "k:";

    public static string Encode(int offset) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(OffsetPrefix + offset));

    public static string EncodeKey(Guid key) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(KeyPrefix + key.ToString("N")));

    public static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        return TryText(cursor, OffsetPrefix) is { } text && int.TryParse(text, out offset) && offset >= 0;
    }

    public static bool TryDecodeKey(string cursor, out Guid key)
    {
        key = Guid.Empty;
        return TryText(cursor, KeyPrefix) is { } text && Guid.TryParseExact(text, "N", out key);
    }

    /// <summary>Whether the API could have handed out this cursor (for some list).</summary>
    public static bool IsValid(string cursor) => TryDecode(cursor, out _) || TryDecodeKey(cursor, out _);

    private static string? TryText(string cursor, string prefix)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
