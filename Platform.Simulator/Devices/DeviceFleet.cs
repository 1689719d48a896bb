using System.Globalization;
using Platform.Core.NetworkServer;

namespace Platform.Simulator.Devices;

public static class DeviceFleet
{
    /// <summary>The fleet's devices, each with a device address of its own for its session.</summary>
    public static IReadOnlyList<SimulatedDevice> Create(SimulatedFleet fleet, Random random) =>
        fleet.Members()
            .Select((member, index) => new SimulatedDevice(member,
                (0x26000000u + (uint)index).ToString("x8", CultureInfo.InvariantCulture), random))
            .ToList();
}
