using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Platform.Core.Messaging;

/// <summary>
/// Declares <see cref="EventBusTopology"/> when a service starts, retrying with backoff until the
/// broker accepts it, so no service depends on another having started first.
/// </summary>
internal sealed partial class EventBusTopologyInitializer(IConnection connection, ILogger<EventBusTopologyInitializer> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                await EventBusTopology.DeclareAsync(channel, stoppingToken);
                LogDeclared(logger, EventBusTopology.WorkQueues.Count);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDeclarationFailed(logger, exception, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event bus topology declared: {QueueCount} work queue(s) with dead-letter queues")]
    private static partial void LogDeclared(ILogger logger, int queueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Declaring the event bus topology failed; retrying in {Delay}")]
    private static partial void LogDeclarationFailed(ILogger logger, Exception exception, TimeSpan delay);
}
