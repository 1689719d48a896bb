using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Tests.Storage;

/// <summary>
/// Uplink times generated from the clock and the parser's bounds, for the month-partition tests.
/// Each test class draws from its own months, so that none finds a partition another one created:
/// the function's cases are in June, the maintenance's windows in September to March before 2025,
/// the end-to-end cases around now and in 2025.
/// </summary>
public static class UplinkMonths
{
    /// <summary>June of every year from LoRaWAN's first to the last before now, and the parser's earliest instant.</summary>
    public static TheoryData<string> AcceptedTimes()
    {
        var now = DateTimeOffset.UtcNow;
        var times = new TheoryData<string> { Iso(UplinkParser.EarliestNetworkTime) };
        for (var year = UplinkParser.EarliestNetworkTime.Year; year < now.Year || (year == now.Year && now.Month > 6); year++)
        {
            times.Add(Iso(new DateTimeOffset(year, 6, 15, 12, 0, 0, TimeSpan.Zero)));
        }

        // The latest time the parser accepts: its month exists or not, depending on today's date.
        times.Add(Iso(now + UplinkParser.MaxClockLead));
        return times;
    }

    /// <summary>Times no uplink can have: before LoRaWAN, and a year or more ahead.</summary>
    public static TheoryData<string> RefusedTimes()
    {
        var now = DateTimeOffset.UtcNow;
        return
        [
            Iso(UplinkParser.EarliestNetworkTime.AddTicks(-10)),
            Iso(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Iso(now.AddYears(1).AddDays(1)),
            Iso(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        ];
    }

    /// <summary>
    /// Clock positions an hour before a month ends, one per year from 2016 to 2024, the month moving
    /// from September to December (a year's end crossed too); and the end of a leap February.
    /// </summary>
    public static TheoryData<string> MonthEnds()
    {
        var ends = new TheoryData<string>();
        for (var year = 2016; year <= 2024; year++)
        {
            var month = new DateTimeOffset(year, 9 + (year % 4), 1, 0, 0, 0, TimeSpan.Zero);
            ends.Add(Iso(month.AddMonths(1).AddHours(-1)));
        }

        return ends;
    }

    /// <summary>Uplink times of the end-to-end cases: months before now and around a month boundary of 2025.</summary>
    public static TheoryData<string> LateUplinkTimes()
    {
        var now = DateTimeOffset.UtcNow;
        var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return
        [
            Iso(thisMonth.AddMonths(-1).AddDays(19).AddHours(9)),
            Iso(thisMonth.AddMonths(-2).AddDays(3)),
            Iso(thisMonth.AddMonths(-12).AddDays(7)),
            Iso(new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-10)),
            Iso(new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero)),
            Iso(thisMonth.AddMonths(1)),
            Iso(thisMonth.AddMonths(2)),
        ];
    }

    public static DateTimeOffset Parse(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static string PartitionOf(string table, DateTimeOffset time) => $"{table}_{time.UtcDateTime:yyyy_MM}";

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
