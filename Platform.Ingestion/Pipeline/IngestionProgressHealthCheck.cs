using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Ingestion.Mqtt;

namespace Platform.Ingestion.Pipeline;

/// <summary>
/// Degraded while messages wait and none has been acknowledged for <see cref="IngestionOptions.StalledAfter"/>:
/// connected to the broker is not the same as getting uplinks through.
/// </summary>
internal sealed class IngestionProgressHealthCheck(IngestionProgress progress, TimeProvider time, IOptions<IngestionOptions> options)
    : IHealthCheck
{
    public const string Name = "ingestion-progress";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var waiting = progress.Waiting;
        var still = time.GetUtcNow() - progress.MovedAt;
        return Task.FromResult(waiting > 0 && still >= options.Value.StalledAfter
            ? HealthCheckResult.Degraded($"{waiting} message(s) wait; none acknowledged for {still.TotalSeconds:F0} s.")
            : HealthCheckResult.Healthy());
    }
}
