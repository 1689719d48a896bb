namespace Platform.Core.NetworkServer.Uplinks;

/// <summary>Why an MQTT message did not become an uplink; stored with the message and counted.</summary>
public enum UplinkRejectionReason
{
    /// <summary>The topic is not one of a network server's uplink topics.</summary>
    UnknownTopic = 1,
    MessageTooLarge = 2,
    MalformedJson = 3,
    MissingField = 4,
    InvalidField = 5,
    BadBase64 = 6,
    PayloadTooLarge = 7,
    /// <summary>The body names another device or application than the topic it came on.</summary>
    TopicMismatch = 8,

    /// <summary>No tenant has registered a device with this DevEUI.</summary>
    UnknownDevice = 9,

    /// <summary>
    /// The device is registered, but bound to another network server or application than the topic
    /// the uplink came on: a security event (a spoofed or misrouted uplink).
    /// </summary>
    BindingMismatch = 10,

    /// <summary>More than one tenant registered this DevEUI with the same binding; nobody gets the data.</summary>
    AmbiguousDevice = 11,

    /// <summary>The network server's time is before LoRaWAN existed (2015) or more than a day ahead of ours.</summary>
    TimeOutOfRange = 12,

    /// <summary>
    /// The platform failed on this message for a reason of its own (a bug met by an input nobody
    /// foresaw), not the database or a broker: kept, logged as an error, replayable once fixed.
    /// </summary>
    InternalError = 13,

    /// <summary>
    /// The uplink was admitted, but the database refused to store it (the detail names the error class
    /// only). Kept as the parsed uplink the event bus carried; a replay publishes it again.
    /// </summary>
    StorageFailed = 14,
}
