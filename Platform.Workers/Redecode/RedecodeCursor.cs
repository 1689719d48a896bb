using System.Globalization;

namespace Platform.Workers.Redecode;

/// <summary>
/// Where a re-decode job stands: the key (device, network time, dedup key) of the last uplink it
/// decoded; the next chunk starts after it. <see cref="Start"/> sorts before every real key: no
/// device has the nil uuid, so its time and key never matter. Stored as text in <c>redecode_jobs.cursor</c>.
/// </summary>
public sealed record RedecodeCursor(Guid DeviceId, DateTimeOffset Time, string DeduplicationKey)
{
    public static readonly RedecodeCursor Start = new(Guid.Empty, DateTimeOffset.UnixEpoch, string.Empty);

    public override string ToString() =>
        $"{DeviceId:N}|{Time.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{DeduplicationKey}";

    /// <summary>The stored cursor, or <see cref="Start"/> for a job that has not decoded anything yet.</summary>
    public static RedecodeCursor Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Start;
        }

        // The dedup key comes last and may itself contain the separator.
        var parts = text.Split('|', 3);
        return parts.Length == 3
               && Guid.TryParseExact(parts[0], "N", out var device)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new RedecodeCursor(device, new DateTimeOffset(ticks, TimeSpan.Zero), parts[2])
            : throw new FormatException("Not a re-decode cursor.");
    }
}
