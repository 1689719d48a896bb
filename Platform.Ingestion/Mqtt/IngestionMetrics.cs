using System.Diagnostics.Metrics;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Ingestion.Mqtt;

public sealed class IngestionMetrics
{
    public const string MeterName = "Platform.Ingestion";

    private readonly Counter<long> _received;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _acknowledged;
    private readonly Histogram<int> _batchSize;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("platform.ingestion.uplinks.received", unit: "{message}",
            description: "Uplink messages delivered by the network server's broker");
        _accepted = meter.CreateCounter<long>("platform.ingestion.uplinks.accepted", unit: "{uplink}",
            description: "Messages that became an uplink of a registered device");
        _rejected = meter.CreateCounter<long>("platform.ingestion.uplinks.rejected", unit: "{message}",
            description: "Messages rejected, by reason (stored with the reason, never dropped)");
        _acknowledged = meter.CreateCounter<long>("platform.ingestion.uplinks.acknowledged", unit: "{message}",
            description: "Messages acknowledged to the broker after RabbitMQ confirmed them");
        _batchSize = meter.CreateHistogram<int>("platform.ingestion.batch.size", unit: "{message}",
            description: "Messages per event-bus message",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 200] });
    }

    public void Received() => _received.Add(1);

    public void Accepted() => _accepted.Add(1);

    public void Rejected(UplinkRejectionReason reason) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void Published(int messages) => _batchSize.Record(messages);

    public void Acknowledged(int messages) => _acknowledged.Add(messages);
}
