using Platform.Core.NetworkServer.Uplinks;
using Platform.Core.Uplinks;

namespace Platform.Api.Features.RejectedUplinks;

/// <summary>
/// A rejected MQTT message as lists show it: why, where it came from, and whether it was replayed.
/// The message itself (up to 64 KiB) is only in the single item; <c>truncated</c> says it was cut when stored.
/// </summary>
public sealed record RejectedUplinkResponse(
    Guid Id,
    DateTimeOffset ReceivedAt,
    UplinkRejectionReason Reason,
    string Detail,
    string Topic,
    Guid? DeviceId,
    int MessageSize,
    bool Truncated,
    DateTimeOffset? ReplayedAt);

/// <summary>One rejected message, with the message as stored (base64).</summary>
public sealed record RejectedUplinkDetailResponse(
    Guid Id,
    DateTimeOffset ReceivedAt,
    UplinkRejectionReason Reason,
    string Detail,
    string Topic,
    Guid? DeviceId,
    int MessageSize,
    bool Truncated,
    DateTimeOffset? ReplayedAt,
    byte[] Message)
{
    public static RejectedUplinkDetailResponse From(RejectedUplink rejected) =>
        new(rejected.Id, rejected.ReceivedAt, rejected.Reason, rejected.Detail, rejected.Topic, rejected.DeviceId, rejected.MessageSize,
            rejected.IsTruncated, rejected.ReplayedAt, rejected.Message);
}
