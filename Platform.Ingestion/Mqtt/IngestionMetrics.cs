using System.Diagnostics.Metrics;

namespace Platform.Ingestion.Mqtt;

public sealed class IngestionMetrics
{
    public const string MeterName = "Platform.Ingestion";

    private readonly Counter<long> _received;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("platform.ingestion.uplinks.received", unit: "{uplink}",
            description: "Uplink messages delivered by the network server's broker");
    }

    public void Received() => _received.Add(1);
}
