using Platform.Core.Messaging;
using RabbitMQ.Client;

namespace Platform.Workers.Storage;

/// <summary>
/// Reads the depth of the storage's dead-letter queue every half minute for the metric
/// <c>platform.uplinks.dead_letter_queue.depth</c>: a dead-lettered message is never out of sight.
/// </summary>
public sealed partial class DeadLetterMonitor(IConnection connection, StorageMetrics metrics, TimeProvider time,
    ILogger<DeadLetterMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.DeadLetterQueueDepth(await DeadLetterQueueDepth.ReadAsync(connection, EventBusTopology.StoreUplinks, stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The broker may be away, or the queue not declared yet; the last depth read stands.
                LogReadFailed(logger, exception);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading the dead-letter queue's depth failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
