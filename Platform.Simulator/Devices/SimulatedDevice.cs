namespace Platform.Simulator.Devices;

/// <summary>
/// One sensor: a frame counter that only goes up and readings that drift like real ones do
/// (a slow random walk around a daily temperature cycle, a battery that drains).
/// </summary>
public sealed class SimulatedDevice(string devEui, string name, string devAddr, Random random)
{
    private double _temperatureOffset = random.NextDouble() * 4 - 2;
    private double _humidity = 40 + random.NextDouble() * 30;
    private double _battery = 80 + random.NextDouble() * 20;

    public string DevEui { get; } = devEui;
    public string Name { get; } = name;
    public string DevAddr { get; } = devAddr;
    public uint FrameCounter { get; private set; }

    /// <summary>The next uplink's payload; advances the frame counter.</summary>
    public byte[] NextPayload(DateTimeOffset now)
    {
        FrameCounter++;
        _temperatureOffset = Math.Clamp(_temperatureOffset + (random.NextDouble() - 0.5) * 0.2, -5, 5);
        _humidity = Math.Clamp(_humidity + (random.NextDouble() - 0.5), 10, 95);
        _battery = Math.Max(0, _battery - 0.001);
        var dailyCycle = 4 * Math.Sin((now.TimeOfDay.TotalHours - 9) / 24 * 2 * Math.PI);
        return EnvironmentSensorPayload.Encode((int)_battery, 15 + dailyCycle + _temperatureOffset, _humidity);
    }
}
