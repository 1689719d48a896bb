using System.Collections.Concurrent;
using Npgsql;

namespace Platform.Workers.Storage;

/// <summary>
/// Makes sure the month partitions of <c>raw_uplinks</c> and <c>measurements</c> exist before rows
/// for them are written. Remembers the months it has seen, so the database is asked once per month per process.
/// </summary>
public sealed class MonthPartitions(NpgsqlDataSource database)
{
    private static readonly string[] Tables = ["raw_uplinks", "measurements"];

    private readonly ConcurrentDictionary<DateTime, bool> _known = new();

    public async Task EnsureAsync(IEnumerable<DateTimeOffset> times, CancellationToken cancellationToken)
    {
        foreach (var month in times.Select(MonthOf).Distinct())
        {
            if (_known.ContainsKey(month))
            {
                continue;
            }

            foreach (var table in Tables)
            {
                await using var command = database.CreateCommand("SELECT platform_ensure_month_partition($1, $2)");
                command.Parameters.Add(new NpgsqlParameter { Value = table });
                command.Parameters.Add(new NpgsqlParameter { Value = month });
                await command.ExecuteScalarAsync(cancellationToken);
            }

            _known[month] = true;
        }
    }

    private static DateTime MonthOf(DateTimeOffset time) => new(time.UtcDateTime.Year, time.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}
