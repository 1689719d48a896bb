using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Core.Ingestion;
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
        return Task.FromResult(progress.IsStalled(options.Value.StalledAfter)
            ? HealthCheckResult.Degraded(
                $"{progress.Waiting} message(s) wait; none acknowledged for {(time.GetUtcNow() - progress.MovedAt).TotalSeconds:F0} s.")
            : HealthCheckResult.Healthy());
    }
}
