using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Ingestion;

/// <summary>
/// An MQTT message that did not become an uplink, kept with its reason so that nothing is dropped
/// silently and it can be replayed once the cause is fixed.
/// </summary>
/// <param name="Id">Derived from the topic and the message: a redelivery is the same rejection.</param>
/// <param name="TenantId">The tenant whose device the message names, when that is known; else platform admins see it.</param>
/// <param name="Message">
/// The raw message, cut to <see cref="MaxStoredMessageBytes"/>; for <see cref="RejectedMessageFormat.AdmittedUplink"/>
/// the admitted uplink as the event bus carried it.
/// </param>
/// <param name="MessageSize">The size of the message as received.</param>
public sealed record UplinkRejection(
    Guid Id,
    Guid? TenantId,
    Guid? DeviceId,
    string Topic,
    byte[] Message,
    int MessageSize,
    UplinkRejectionReason Reason,
    string Detail,
    DateTimeOffset ReceivedAt,
    string? TraceParent)
{
    public const int MaxStoredMessageBytes = UplinkParser.MaxMessageBytes;
    public const int MaxTopicLength = 512;
    public const int MaxDetailLength = 1000;

    /// <summary>What <see cref="Message"/> holds, and so how a replay treats it; absent on the bus means MQTT.</summary>
    public RejectedMessageFormat Format { get; init; } = RejectedMessageFormat.Mqtt;
}
