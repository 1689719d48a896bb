using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Core.Messaging;
using RabbitMQ.Client;

namespace Platform.Workers.Storage;

/// <summary>
/// The storage's dead-letter queue in the health report: degraded while anything waits there (the
/// count in the description and data), so that dashboards and probes see it. Degraded, not
/// unhealthy: the service still stores everything else, and a restart would not help.
/// </summary>
public sealed class DeadLetterHealthCheck(IConnection connection) : IHealthCheck
{
    public const string Name = "uplink-dead-letters";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var queue = EventBusTopology.StoreUplinks;
        uint depth;
        try
        {
            depth = await DeadLetterQueueDepth.ReadAsync(connection, queue, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The broker's own check says whether it is away; this one cannot count then.
            return HealthCheckResult.Degraded($"The depth of {queue.DeadLetterQueueName} cannot be read.");
        }

        var data = new Dictionary<string, object> { [queue.DeadLetterQueueName] = depth };
        return depth == 0
            ? HealthCheckResult.Healthy($"{queue.DeadLetterQueueName} is empty.", data)
            : HealthCheckResult.Degraded(
                $"{depth} message(s) in {queue.DeadLetterQueueName}; their uplinks are StorageFailed rejections, a platform admin can redrive them.",
                data: data);
    }
}
