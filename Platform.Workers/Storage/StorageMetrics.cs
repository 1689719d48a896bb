using System.Diagnostics.Metrics;

namespace Platform.Workers.Storage;

public sealed class StorageMetrics
{
    public const string MeterName = "Platform.Workers.Storage";

    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejectionsStored;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _storageFailed;
    private readonly Counter<long> _rejectionsUnstorable;
    private long _deadLetterQueueDepth;

    public StorageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _stored = meter.CreateCounter<long>("platform.uplinks.stored", unit: "{uplink}",
            description: "Uplinks committed to the database for the first time");
        _duplicates = meter.CreateCounter<long>("platform.uplinks.duplicates", unit: "{uplink}",
            description: "Redelivered uplinks that were already stored (no second row)");
        _rejectionsStored = meter.CreateCounter<long>("platform.uplinks.rejections.stored", unit: "{message}",
            description: "Rejected messages stored with their reason");
        _lag = meter.CreateHistogram<double>("platform.uplinks.lag", unit: "s",
            description: "From the ingestion taking the uplink off the broker to its committed row",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _deadLettered = meter.CreateCounter<long>("platform.uplinks.dead_lettered", unit: "{message}",
            description: "Messages of the storage's queue rejected to its dead-letter queue");
        _storageFailed = meter.CreateCounter<long>("platform.uplinks.storage_failed", unit: "{uplink}",
            description: "Uplinks the database refused, stored as StorageFailed rejections of their tenants");
        _rejectionsUnstorable = meter.CreateCounter<long>("platform.uplinks.rejections.unstorable", unit: "{message}",
            description: "Rejections the database refused: only in the dead-letter queue");
        meter.CreateObservableGauge("platform.uplinks.dead_letter_queue.depth", () => Interlocked.Read(ref _deadLetterQueueDepth),
            unit: "{message}", description: "Messages waiting in the storage's dead-letter queue, as last read");
    }

    public void Stored(int uplinks, int duplicates, int rejections)
    {
        _stored.Add(uplinks);
        _duplicates.Add(duplicates);
        _rejectionsStored.Add(rejections);
    }

    public void Lag(TimeSpan lag) => _lag.Record(lag.TotalSeconds);

    public void DeadLettered() => _deadLettered.Add(1);

    public void StorageFailed(int uplinks) => _storageFailed.Add(uplinks);

    public void RejectionUnstorable() => _rejectionsUnstorable.Add(1);

    public void DeadLetterQueueDepth(long messages) => Interlocked.Exchange(ref _deadLetterQueueDepth, messages);
}
