using System.Threading.RateLimiting;

namespace Platform.Api.Features.Decoders;

/// <summary>
/// How many decoder test runs each tenant may have going at once. Each run may burn a sandbox's whole
/// time limit of CPU (and compiling a script runs its top level too), so one tenant hammering the
/// test endpoint must not take the API's cores from everyone else. No queue: a client over the limit
/// hears 429 at once and retries.
/// </summary>
public sealed class DecoderTestRuns : IDisposable
{
    public const int PerTenant = 2;

    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(tenantId =>
        RateLimitPartition.GetConcurrencyLimiter(tenantId, _ => new ConcurrencyLimiterOptions { PermitLimit = PerTenant, QueueLimit = 0 }));

    /// <summary>A lease to dispose when the run ends; check <see cref="RateLimitLease.IsAcquired"/>.</summary>
    public RateLimitLease TryStart(Guid tenantId) => _limiter.AttemptAcquire(tenantId);

    public void Dispose() => _limiter.Dispose();
}
