using Platform.Core.Tenancy;

namespace Platform.Core.Measurements;

/// <summary>
/// A device's last-seen time and last value of every top-level decoded field, kept up to date by the
/// storage worker so "latest values of all my devices" is one row per device, not a scan.
/// </summary>
public sealed class DeviceLatest : ITenantOwned
{
    private DeviceLatest()
    {
        Data = "{}";
    }

    public Guid TenantId { get; private set; }

    public Guid DeviceId { get; private set; }

    /// <summary>Network time of the newest stored uplink.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    public long LastFCnt { get; private set; }

    /// <summary>
    /// The newest value of each top-level field of the decoded objects, as one JSON object: a newer
    /// uplink overwrites the fields it has, an older one (late redelivery) only fills missing ones.
    /// </summary>
    public string Data { get; private set; }

    /// <summary>Network time of the newest decoded uplink, or null when none was decoded.</summary>
    public DateTimeOffset? DataAt { get; private set; }
}
