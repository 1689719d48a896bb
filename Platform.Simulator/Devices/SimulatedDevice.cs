using Platform.Core.Devices;
using Platform.Core.NetworkServer;

namespace Platform.Simulator.Devices;

/// <summary>
/// One sensor: a frame counter that only goes up and readings that drift like real ones do
/// (a slow random walk around a daily temperature cycle, a battery that drains).
/// </summary>
public sealed class SimulatedDevice(SimulatedFleetDevice identity, string devAddr, Random random)
{
    private double _temperatureOffset = random.NextDouble() * 4 - 2;
    private double _humidity = 40 + random.NextDouble() * 30;
    private double _battery = 80 + random.NextDouble() * 20;

    public DevEui DevEui { get; } = identity.DevEui;

    /// <summary>The network server's name of the device; The Things Stack's device id too.</summary>
    public string Name { get; } = identity.Name;

    public string DevAddr { get; } = devAddr;

    /// <summary>Identifies the device's current LoRaWAN session; The Things Stack publishes it.</summary>
    public byte[] SessionKeyId { get; } = RandomBytes(random, 16);

    public uint FrameCounter { get; private set; }

    /// <summary>The next uplink's measurement; advances the frame counter.</summary>
    public EnvironmentReading NextReading(DateTimeOffset now)
    {
        FrameCounter++;
        _temperatureOffset = Math.Clamp(_temperatureOffset + (random.NextDouble() - 0.5) * 0.2, -5, 5);
        _humidity = Math.Clamp(_humidity + (random.NextDouble() - 0.5), 10, 95);
        _battery = Math.Max(0, _battery - 0.001);
        var dailyCycle = 4 * Math.Sin((now.TimeOfDay.TotalHours - 9) / 24 * 2 * Math.PI);
        return new EnvironmentReading(_battery, 15 + dailyCycle + _temperatureOffset, _humidity);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
