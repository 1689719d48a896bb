using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Platform.Api.Features.Audit;

/// <summary>Opaque cursor of the audit lists: the sequence number of the last event of a page.</summary>
public static class AuditCursor
{
    private const string Prefix = "s:";

    public static string Encode(long sequence) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string cursor, out long sequence)
    {
        sequence = 0;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
