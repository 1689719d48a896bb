using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Ingestion.Mqtt;

internal sealed class BrokerConnectionHealthCheck(MqttIngestionService ingestion) : IHealthCheck
{
    public const string Name = "mqtt";

    /// <summary>
    /// Connecting and subscribing take a moment at start and after a reconnect; a probe that arrives
    /// meanwhile waits for it rather than reporting a failure that is only a matter of milliseconds.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!ingestion.IsSubscribed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        return ingestion.IsSubscribed
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Not connected and subscribed to the network server's broker.");
    }
}
