using Platform.Core.Decoders;

namespace Platform.Api.Features.Decoders;

/// <param name="Total">Uplinks selected, known once a worker has started the job.</param>
/// <param name="ProgressPercent">Processed of total, 0 to 100; null until the total is known.</param>
public sealed record RedecodeJobResponse(Guid Id, Guid DecoderId, int Version, DateTimeOffset From, DateTimeOffset To,
    IReadOnlyList<Guid> DeviceIds, string Status, long? Total, long Processed, long Failed, double? ProgressPercent, string? Error,
    Guid? RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static RedecodeJobResponse Of(RedecodeJob job) =>
        new(job.Id, job.DecoderId, job.Version, job.From, job.To, job.DeviceIds, job.Status.ToString(), job.Total, job.Processed,
            job.Failed, Progress(job), job.Error, job.RequestedBy, job.CreatedAt, job.StartedAt, job.FinishedAt);

    // A job that selected nothing is done as soon as it starts: 100%, not a division by zero.
    private static double? Progress(RedecodeJob job) => job.Total switch
    {
        null => null,
        0 => job.Status == RedecodeJobStatus.Completed ? 100 : 0,
        var total => Math.Round(Math.Min(100, 100.0 * job.Processed / total.Value), 1),
    };
}
