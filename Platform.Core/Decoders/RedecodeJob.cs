using Platform.Core.Tenancy;

namespace Platform.Core.Decoders;

/// <summary>
/// A background job that decodes a tenant's stored raw uplinks again with one decoder version: the
/// uplinks of the devices assigned to the decoder (or the listed ones among them) in [From, To).
/// A worker takes it, walks the uplinks in key order and records its progress and a resume cursor,
/// so a job interrupted by a restart continues where it stopped.
/// </summary>
public sealed class RedecodeJob : ITenantOwned
{
    public const int MaxDevices = 1_000;

    private RedecodeJob()
    {
        DeviceIds = [];
    }

    public RedecodeJob(Guid tenantId, DecoderVersion version, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyList<Guid> deviceIds, Guid? requestedBy, DateTimeOffset createdAt)
    {
        if (to <= from)
        {
            throw new ArgumentException("A re-decode range ends after it starts.", nameof(to));
        }

        TenantId = tenantId;
        Id = Guid.CreateVersion7(createdAt);
        DecoderId = version.DecoderId;
        Version = version.Version;
        VersionId = version.Id;
        From = from;
        To = to;
        DeviceIds = [.. deviceIds.Distinct()];
        RequestedBy = requestedBy;
        Status = RedecodeJobStatus.Pending;
        CreatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    public Guid Id { get; private set; }

    public Guid DecoderId { get; private set; }

    public int Version { get; private set; }

    public Guid VersionId { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset To { get; private set; }

    /// <summary>Limits the job to these devices (each must be assigned to the decoder); empty means all of them.</summary>
    public List<Guid> DeviceIds { get; private set; }

    public Guid? RequestedBy { get; private set; }

    public RedecodeJobStatus Status { get; private set; }

    /// <summary>Uplinks selected, counted when the job starts; null before.</summary>
    public long? Total { get; private set; }

    public long Processed { get; private set; }

    /// <summary>Of the processed uplinks, those the version could not decode (their errors are stored with them).</summary>
    public long Failed { get; private set; }

    /// <summary>Where a restarted worker continues: written by the worker, opaque to everyone else.</summary>
    public string? Cursor { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>When a worker last took a chunk of this job (set as the chunk commits): open jobs take turns by it, chunk by chunk.</summary>
    public DateTimeOffset? LastChunkAt { get; private set; }

    public void Start(long total, DateTimeOffset at)
    {
        Status = RedecodeJobStatus.Running;
        Total ??= total;
        StartedAt ??= at;
    }

    public void Advance(long processed, long failed, string cursor)
    {
        Processed += processed;
        Failed += failed;
        Cursor = cursor;
    }

    public void Complete(DateTimeOffset at)
    {
        Status = RedecodeJobStatus.Completed;
        FinishedAt = at;
    }

    public void Fail(string error, DateTimeOffset at)
    {
        Status = RedecodeJobStatus.Failed;
        Error = error;
        FinishedAt = at;
    }
}
