namespace Platform.Core.Ingestion;

/// <summary>
/// How many received messages wait for their acknowledgement, and when the pipeline last moved:
/// last acknowledged a message, or last started to have messages waiting. A pipeline held up (a
/// database that does not answer, a broker that does not confirm) shows as messages waiting long
/// after it last moved.
/// </summary>
public sealed class IngestionProgress(TimeProvider time)
{
    private long _waiting;
    private long _movedAtTicks = time.GetUtcNow().UtcTicks;

    public long Waiting => Interlocked.Read(ref _waiting);

    public DateTimeOffset MovedAt => new(Interlocked.Read(ref _movedAtTicks), TimeSpan.Zero);

    /// <summary>Messages wait, and the pipeline has not moved for <paramref name="stalledAfter"/> or longer.</summary>
    public bool IsStalled(TimeSpan stalledAfter) => Waiting > 0 && time.GetUtcNow() - MovedAt >= stalledAfter;

    public void Received()
    {
        // Time spent idle before this message is no lack of progress.
        if (Interlocked.Increment(ref _waiting) == 1)
        {
            Moved();
        }
    }

    /// <param name="handled">Messages that left the pipeline, acknowledged or not (a lost connection redelivers them).</param>
    public void Handled(int handled, int acknowledged)
    {
        if (acknowledged > 0)
        {
            Moved();
        }

        Interlocked.Add(ref _waiting, -handled);
    }

    private void Moved() => Interlocked.Exchange(ref _movedAtTicks, time.GetUtcNow().UtcTicks);
}
