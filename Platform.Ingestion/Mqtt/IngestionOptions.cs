namespace Platform.Ingestion.Mqtt;

/// <summary>Section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>
    /// Stable per instance: the broker keeps this client's session (subscriptions and unacknowledged
    /// QoS 1 messages) under it across restarts. Kubernetes sets HOSTNAME to the pod name.
    /// </summary>
    public string ClientId { get; set; } = "platform-ingestion-" + (Environment.GetEnvironmentVariable("HOSTNAME") ?? Environment.MachineName);

    /// <summary>Shared-subscription group: the instances of the group split the uplinks between them.</summary>
    public string SharedSubscriptionGroup { get; set; } = "platform-ingestion";

    /// <summary>Uplink topics of the network servers (MQTT wildcards allowed).</summary>
    public List<string> Topics { get; set; } =
    [
        "application/+/device/+/event/up", // ChirpStack v4
        "v3/+/devices/+/up", // The Things Stack v3
    ];
}
