using System.Collections.Concurrent;
using Npgsql;
using Platform.Core.Measurements;

namespace Platform.Workers.Storage;

/// <summary>
/// Makes sure the month partitions of <c>raw_uplinks</c> and <c>measurements</c> exist before rows
/// for them are written: on demand for the months of the uplinks in hand (a late uplink's month may
/// be any since 2015), and ahead for the current month and the next ones. Remembers the months it
/// has seen, so the database is asked once per month per process.
/// </summary>
public sealed class MonthPartitions(NpgsqlDataSource database)
{
    private static readonly string[] Tables = ["raw_uplinks", "measurements"];

    private readonly ConcurrentDictionary<DateTime, bool> _known = new();

    public Task EnsureAsync(IEnumerable<DateTimeOffset> times, CancellationToken cancellationToken) =>
        EnsureMonthsAsync(times.Select(MonthOf).Distinct(), cancellationToken);

    /// <summary>The month of <paramref name="now"/> and <see cref="SchemaQualifiedMonthPartitionSql.MonthsAhead"/> after it.</summary>
    public Task EnsureAheadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var month = MonthOf(now);
        return EnsureMonthsAsync(Enumerable.Range(0, SchemaQualifiedMonthPartitionSql.MonthsAhead + 1).Select(month.AddMonths),
            cancellationToken);
    }

    private async Task EnsureMonthsAsync(IEnumerable<DateTime> months, CancellationToken cancellationToken)
    {
        foreach (var month in months)
        {
            if (_known.ContainsKey(month))
            {
                continue;
            }

            foreach (var table in Tables)
            {
                await using var command = database.CreateCommand("SELECT public.platform_ensure_month_partition($1, $2)");
                command.Parameters.Add(new NpgsqlParameter { Value = table });
                command.Parameters.Add(new NpgsqlParameter { Value = month });
                await command.ExecuteScalarAsync(cancellationToken);
            }

            _known[month] = true;
        }
    }

    private static DateTime MonthOf(DateTimeOffset time) => new(time.UtcDateTime.Year, time.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}
