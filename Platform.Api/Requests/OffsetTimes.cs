using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Api.Requests;

/// <summary>
/// The API's one rule for reading a point in time, in bodies and query strings alike: an ISO 8601
/// date and time with its offset (<c>Z</c> or <c>±hh:mm</c>). Without an offset the server would read
/// its own local time, and a date alone would silently become midnight. The instant is kept, in UTC:
/// PostgreSQL's <c>timestamptz</c> (through Npgsql) takes no other offset.
/// </summary>
internal static partial class OffsetTimes
{
    public const string Rule = "Must be an ISO 8601 date and time with an offset, e.g. 2026-01-31T12:00:00Z or 2026-01-31T13:00:00+01:00.";

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !WithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
