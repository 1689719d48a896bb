using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Platform.Api.Paging;

/// <summary>
/// Cursor of the time-ordered lists (uplinks, rejections): the time and the tie-breaking key of the
/// last item of a page, base64url encoded so clients treat it as opaque. The next page starts
/// strictly after that position, so items arriving at the head of a newest-first list meanwhile
/// neither repeat nor push items off a page, as they would with an offset.
/// </summary>
public readonly record struct KeysetCursor(DateTimeOffset At, string Key)
{
    private const string Prefix = "k:";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Prefix}{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Key}"));

    public static bool TryDecode(string cursor, out KeysetCursor position)
    {
        position = default;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return false;
            }

            // The key may itself contain ':' (a TTS correlation id does), so only the first one separates.
            var parts = text[Prefix.Length..].Split(':', 2);
            if (parts.Length != 2 || parts[1].Length == 0
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }

            position = new KeysetCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
