using Platform.Core.Tenancy;

namespace Platform.Core.Measurements;

/// <summary>
/// One decoded numeric value of one uplink: a narrow row (device, time, name, value) so that a time
/// range of any series is an index range and aggregates are plain SQL. Written by the storage
/// worker and re-decode jobs in bulk; read through EF. See <see cref="MeasurementTables"/>.
/// </summary>
public sealed class Measurement : ITenantOwned
{
    private Measurement()
    {
        DeduplicationKey = string.Empty;
        Name = string.Empty;
    }

    public Guid TenantId { get; private set; }

    public Guid DeviceId { get; private set; }

    /// <summary>The uplink's network time: the partition key, as on the raw uplink.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>With the device and time, identifies the raw uplink the value was decoded from.</summary>
    public string DeduplicationKey { get; private set; }

    /// <summary>The value's path in the decoded object: <c>temperature</c>, <c>gps_6.latitude</c>, <c>channels.0</c>.</summary>
    public string Name { get; private set; }

    public double Value { get; private set; }
}
