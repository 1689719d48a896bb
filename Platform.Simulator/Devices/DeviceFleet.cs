using System.Globalization;

namespace Platform.Simulator.Devices;

public static class DeviceFleet
{
    /// <summary>Devices with consecutive DevEUIs from <paramref name="firstDevEui"/>.</summary>
    public static IReadOnlyList<SimulatedDevice> Create(string firstDevEui, int count, Random random)
    {
        var first = ulong.Parse(firstDevEui, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return Enumerable.Range(0, count)
            .Select(index => new SimulatedDevice(
                (first + (ulong)index).ToString("x16", CultureInfo.InvariantCulture),
                $"simulated-{index + 1:D4}",
                (0x26000000u + (uint)index).ToString("x8", CultureInfo.InvariantCulture),
                random))
            .ToList();
    }
}
