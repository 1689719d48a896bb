using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Platform.Core.Measurements;
using Platform.Core.Persistence;
using Platform.Tests.Infrastructure;
using Platform.Workers.Storage;

namespace Platform.Tests.Storage;

/// <summary>
/// The workers create the partitions of the current month and the next ones at start and daily,
/// by their clock: moved across a month's end while running, the month after the new window gets
/// its partitions, without any uplink or migration. Run against the stack's database with the
/// services' role, the clock a fake one.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class MonthPartitionMaintenanceTests(PlatformAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> MonthEnds() => UplinkMonths.MonthEnds();

    [Theory]
    [MemberData(nameof(MonthEnds))]
    public async Task CrossingAMonthsEndWhileRunningCreatesTheNextWindowsPartitions(string start)
    {
        var clock = new FakeTimeProvider(UplinkMonths.Parse(start));
        var month = new DateTimeOffset(clock.GetUtcNow().Year, clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);
        var window = Enumerable.Range(0, SchemaQualifiedMonthPartitionSql.MonthsAhead + 1).Select(month.AddMonths).ToList();
        var beyond = month.AddMonths(SchemaQualifiedMonthPartitionSql.MonthsAhead + 1);
        await using var database = NpgsqlDataSource.Create((await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName))!);
        var maintenance = new MonthPartitionMaintenance(new MonthPartitions(database), clock, NullLogger<MonthPartitionMaintenance>.Instance);

        await maintenance.StartAsync(Ct);
        try
        {
            var started = await EventuallyAsync(() => MissingAsync(database, window), missing => missing.Count == 0);
            var beyondBeforeMidnight = await MissingAsync(database, [beyond]);
            // Past midnight, into the next month; in steps, so that a timer set a moment late still fires.
            var crossed = await EventuallyAsync(async () =>
            {
                clock.Advance(TimeSpan.FromMinutes(30));
                return await MissingAsync(database, [beyond]);
            }, missing => missing.Count == 0);

            Assert.Empty(started);
            Assert.NotEmpty(beyondBeforeMidnight);
            Assert.Empty(crossed);
        }
        finally
        {
            await maintenance.StopAsync(CancellationToken.None);
        }
    }

    /// <returns>The partitions of these months (either table) that do not exist.</returns>
    private static async Task<List<string>> MissingAsync(NpgsqlDataSource database, IEnumerable<DateTimeOffset> months)
    {
        var names = months.SelectMany(month => new[] { UplinkMonths.PartitionOf("raw_uplinks", month), UplinkMonths.PartitionOf("measurements", month) })
            .ToArray();
        await using var command = database.CreateCommand(
            "SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(format('public.%I', name)) IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = names });
        var missing = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        var value = await read();
        while (!done(value) && !patience.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
            value = await read();
        }

        return value;
    }
}
