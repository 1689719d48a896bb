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
}
