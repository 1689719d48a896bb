namespace Platform.Workers.Redecode;

/// <summary>A re-decode job as a worker reads it, row-locked, at the start of a chunk.</summary>
public sealed record ClaimedJob(
    Guid TenantId,
    Guid Id,
    Guid DecoderId,
    int Version,
    Guid VersionId,
    DateTimeOffset From,
    DateTimeOffset To,
    Guid[] DeviceIds,
    long? Total,
    RedecodeCursor Cursor);
