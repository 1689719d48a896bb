namespace Platform.Workers.Storage;

/// <summary>
/// Creates the current month's and the next months' partitions at start and then every day just
/// after midnight UTC, so that the first uplinks of a month never wait on DDL and a month is ready
/// even if no migration ran for months. The clock is injected: tests move it across month ends.
/// </summary>
public sealed partial class MonthPartitionMaintenance(MonthPartitions partitions, TimeProvider time,
    ILogger<MonthPartitionMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            TimeSpan wait;
            try
            {
                await partitions.EnsureAheadAsync(now, stoppingToken);
                LogEnsured(logger, now);
                wait = NextMidnight(now) - now;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be away; uplinks still get their partition on demand meanwhile.
                LogFailed(logger, exception, RetryDelay);
                wait = RetryDelay;
            }

            await Task.Delay(wait, time, stoppingToken);
        }
    }

    private static DateTimeOffset NextMidnight(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Month partitions ensured from {Now:yyyy-MM} on")]
    private static partial void LogEnsured(ILogger logger, DateTimeOffset now);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating the month partitions ahead failed; trying again in {Delay}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan delay);
}
