using System.Diagnostics;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Platform.Simulator.Publishing;

public static class UplinkMqttMessage
{
    /// <summary>The W3C trace context header, carried as an MQTT 5 user property of the same name.</summary>
    public const string TraceParentProperty = "traceparent";

    public const string TraceStateProperty = "tracestate";

    /// <summary>
    /// QoS 1 like a network server's integration, with the publish span's W3C trace context as
    /// user properties, so that ingestion continues the trace instead of starting its own.
    /// </summary>
    public static MqttApplicationMessage Build(SimulatedUplink uplink, Activity? publish)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(uplink.Topic)
            .WithPayload(uplink.Json)
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (publish is not null)
        {
            // Written here rather than through the process-wide propagator: the header name and
            // format are a contract with the ingestion service, not a setting.
            builder.WithUserProperty(TraceParentProperty, Encoding.UTF8.GetBytes(TraceParent(publish)).AsMemory());
            if (!string.IsNullOrEmpty(publish.TraceStateString))
            {
                builder.WithUserProperty(TraceStateProperty, Encoding.UTF8.GetBytes(publish.TraceStateString).AsMemory());
            }
        }

        return builder.Build();
    }

    private static string TraceParent(Activity activity) =>
        $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{(activity.Recorded ? "01" : "00")}";
}
