using System.Diagnostics.Metrics;

namespace Platform.Workers.Decoding;

public sealed class DecodingMetrics
{
    public const string MeterName = "Platform.Workers.Decoding";

    private readonly Counter<long> _decoded;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;

    public DecodingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _decoded = meter.CreateCounter<long>("platform.uplinks.decoded", unit: "{uplink}",
            description: "Uplinks a decoder version decoded without errors");
        _failures = meter.CreateCounter<long>("platform.uplinks.decode_failures", unit: "{uplink}",
            description: "Uplinks stored without decoded data, by kind: decoder error, limit, suspended");
        _duration = meter.CreateHistogram<double>("platform.uplinks.decode.duration", unit: "s",
            description: "Time one decoder call took (suspended versions are not run and not measured)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25] });
    }

    public void Decoded(DecodeOutcome outcome, TimeSpan? duration)
    {
        if (outcome == DecodeOutcome.Decoded)
        {
            _decoded.Add(1);
        }
        else
        {
            _failures.Add(1, new KeyValuePair<string, object?>("kind", outcome switch
            {
                DecodeOutcome.Limit => "limit",
                DecodeOutcome.Suspended => "suspended",
                _ => "decoder_error",
            }));
        }

        if (duration is { } elapsed)
        {
            _duration.Record(elapsed.TotalSeconds);
        }
    }
}
