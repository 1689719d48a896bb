using System.Threading.RateLimiting;

namespace Platform.Api.Features.Decoders;

/// <summary>
/// How many decoder runs each tenant may have going at once in the API: test runs, and the vector runs
/// of creating and activating versions. Each decode may burn a sandbox's whole time limit of CPU (a
/// version's vectors up to a hundred times that, and compiling a script runs its top level too), so
/// one tenant hammering these endpoints must not take the API's cores from everyone else. The
/// library (no tenant) counts as one tenant of its own. No queue: a client over the limit hears 429
/// with Retry-After at once and retries.
/// </summary>
public sealed class DecoderTestRuns : IDisposable
{
    public const int PerTenant = 2;

    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(tenantId =>
        RateLimitPartition.GetConcurrencyLimiter(tenantId, _ => new ConcurrencyLimiterOptions { PermitLimit = PerTenant, QueueLimit = 0 }));

    public const int RetryAfterSeconds = 1;

    /// <summary>A lease to dispose when the run ends; check <see cref="RateLimitLease.IsAcquired"/>.</summary>
    public RateLimitLease TryStart(Guid? tenantId) => _limiter.AttemptAcquire(tenantId ?? Guid.Empty);

    public static IResult Busy() =>
        Problems.ApiProblems.TooManyRequests("Too many decoder runs in this tenant at once; try again shortly.", RetryAfterSeconds);

    public void Dispose() => _limiter.Dispose();
}
