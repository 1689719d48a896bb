using System.Buffers.Text;
using System.Text;

namespace Platform.Api.Paging;

/// <summary>
/// Cursors of the management lists: the position after the last item of a page, base64url
/// encoded so clients treat it as opaque. Lists are ordered by time-ordered ids, so a position is
/// stable while rows are only added at the end.
/// </summary>
public static class PageCursor
{
    private const string Prefix = "o:";

    public static string Encode(int offset) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + offset));

    public static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
