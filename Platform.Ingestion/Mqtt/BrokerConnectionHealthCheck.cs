using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Ingestion.Mqtt;

internal sealed class BrokerConnectionHealthCheck(MqttIngestionService ingestion) : IHealthCheck
{
    public const string Name = "mqtt";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ingestion.IsSubscribed
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Not connected and subscribed to the network server's broker."));
}
