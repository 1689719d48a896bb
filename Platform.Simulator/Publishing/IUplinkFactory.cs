using Platform.Core.Devices;
using Platform.Core.NetworkServer;
using Platform.Simulator.Devices;

namespace Platform.Simulator.Publishing;

/// <summary>Wraps a device's payload in one network server's uplink message, radio metadata included.</summary>
public interface IUplinkFactory
{
    /// <param name="payload">The application payload, sent on <see cref="EnvironmentSensorPayload.FPort"/> with the device's current frame counter.</param>
    SimulatedUplink Create(SimulatedDevice device, byte[] payload, DateTimeOffset now);

    /// <summary>The factory of the fleet's network server.</summary>
    static IUplinkFactory For(SimulatedFleet fleet, Random random) => fleet.Format switch
    {
        NetworkServerKind.ChirpStack => new ChirpStackUplinkFactory(fleet, random),
        NetworkServerKind.TheThingsStack => new TtsUplinkFactory(fleet, random),
        var other => throw new InvalidOperationException($"No uplink format for network server {other}."),
    };
}
