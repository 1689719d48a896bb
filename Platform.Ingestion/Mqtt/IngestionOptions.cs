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

    /// <summary>
    /// Shared-subscription group: the instances of the group split the uplinks between them. Empty
    /// for a single instance, which then subscribes plainly: Mosquitto 2.0 (Debian 12's 2.0.11)
    /// does not restore a persistent session's shared subscriptions after the broker restarts, so
    /// until the client subscribes again every uplink published meanwhile would be dropped.
    /// </summary>
    public string SharedSubscriptionGroup { get; set; } = DefaultSharedSubscriptionGroup;

    public const string DefaultSharedSubscriptionGroup = "platform-ingestion";

    public bool IsShared => !string.IsNullOrEmpty(SharedSubscriptionGroup);

    /// <summary>
    /// The subscription filter of an uplink topic, shared (<c>$share/{group}/…</c>; the default group
    /// when this instance is not shared, to drop a subscription an earlier shared run left) or plain.
    /// </summary>
    public string FilterFor(string topic, bool shared) =>
        shared ? $"$share/{(IsShared ? SharedSubscriptionGroup : DefaultSharedSubscriptionGroup)}/{topic}" : topic;

    /// <summary>Uplink topics of the network servers (MQTT wildcards allowed).</summary>
    public List<string> Topics { get; set; } =
    [
        "application/+/device/+/event/up", // ChirpStack v4
        "v3/+/devices/+/up", // The Things Stack v3
    ];

    /// <summary>MQTT messages per event-bus message at most (one message of ~100 uplinks moves far more than 100 of one).</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Event-bus publishes awaiting their confirm at once.</summary>
    public int MaxBatchesInFlight { get; set; } = 32;

    /// <summary>Received, unacknowledged messages held in memory before the client stops reading.</summary>
    public int MaxMessagesBuffered { get; set; } = 10_000;

    /// <summary>
    /// MQTT 5 receive maximum: QoS 1 messages the broker may send before we acknowledge. It must
    /// cover the messages in the pipeline, or the broker stalls waiting for acknowledgements.
    /// </summary>
    public ushort ReceiveMaximum { get; set; } = 10_000;

    /// <summary>
    /// Messages waiting and none acknowledged for this long: health reports Degraded. Far above a
    /// batch's publish-and-confirm round trip; an outage that the retries wait out shows after it.
    /// </summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(1);
}
