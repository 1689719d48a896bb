using Platform.Core.Ingestion;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Uplinks;

/// <summary>
/// An MQTT message that did not become an uplink, with its reason and the raw message (cut at
/// 64 KiB), visible to its tenant's admins or, when no tenant is known, to platform admins. It can
/// be replayed once the cause is fixed: a replay that gets through marks it replayed.
/// </summary>
public sealed class RejectedUplink
{
    private RejectedUplink()
    {
        Topic = string.Empty;
        Detail = string.Empty;
        Message = [];
    }

    public Guid Id { get; private set; }

    /// <summary>Null when the message names no registered device: then it is the platform's.</summary>
    public Guid? TenantId { get; private set; }

    public Guid? DeviceId { get; private set; }

    public string Topic { get; private set; }

    public byte[] Message { get; private set; }

    /// <summary>What <see cref="Message"/> holds: the network server's message, or the admitted uplink the storage refused.</summary>
    public RejectedMessageFormat MessageFormat { get; private set; }

    public int MessageSize { get; private set; }

    public UplinkRejectionReason Reason { get; private set; }

    public string Detail { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset StoredAt { get; private set; }

    public DateTimeOffset? ReplayedAt { get; private set; }

    public bool IsTruncated => Message.Length < MessageSize;

    public void MarkReplayed(DateTimeOffset at) => ReplayedAt = at;
}
