using Platform.Core.Devices;

namespace Platform.Core.Ingestion;

/// <summary>
/// Where <see cref="UplinkAdmission"/> finds the devices registered with a DevEUI: the ingestion
/// reads through <see cref="DeviceRouteCache"/> (a steady stream needs no query per uplink), a
/// replay straight from <see cref="DeviceRouteLookup"/> (a device registered a moment ago must count).
/// </summary>
public interface IDeviceRouteSource
{
    ValueTask<IReadOnlyList<DeviceRoute>> FindAsync(DevEui devEui, CancellationToken cancellationToken);
}
