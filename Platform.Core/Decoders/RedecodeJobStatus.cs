namespace Platform.Core.Decoders;

public enum RedecodeJobStatus
{
    /// <summary>Waiting for a worker to take it.</summary>
    Pending = 1,

    Running,

    /// <summary>Every selected uplink was decoded again (some may have decode errors, counted in <see cref="RedecodeJob.Failed"/>).</summary>
    Completed,

    /// <summary>Stopped for good, with <see cref="RedecodeJob.Error"/> saying why (e.g. the version was deleted).</summary>
    Failed,
}
