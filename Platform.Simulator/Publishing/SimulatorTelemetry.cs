using System.Diagnostics;

namespace Platform.Simulator.Publishing;

/// <summary>
/// The simulator's traces. The service defaults export every source named "Platform.*", this one
/// included, so nothing else registers it.
/// </summary>
public static class SimulatorTelemetry
{
    public const string SourceName = "Platform.Simulator";

    public const string PublishActivityName = "uplink publish";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span of one publish, the parent of whatever the consumer does with the uplink; null when nobody listens.</summary>
    public static Activity? StartPublish(SimulatedUplink uplink)
    {
        var activity = Source.StartActivity(PublishActivityName, ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "mqtt");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", uplink.Topic);
            activity.SetTag("messaging.message.body.size", uplink.Json.Length);
        }

        return activity;
    }
}
