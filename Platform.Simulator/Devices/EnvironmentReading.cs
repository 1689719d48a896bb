namespace Platform.Simulator.Devices;

/// <summary>
/// One measurement at the sensor's resolution (1 % battery, 0.1 °C, 0.5 % humidity), so that what
/// the payload carries and what a decoder reads back are exactly these values.
/// </summary>
public sealed record EnvironmentReading
{
    public EnvironmentReading(double batteryPercent, double temperatureCelsius, double humidityPercent)
    {
        BatteryPercent = (int)Math.Clamp(Math.Floor(batteryPercent), 0, 100);
        TemperatureCelsius = Math.Clamp(Math.Round(temperatureCelsius * 10), short.MinValue, short.MaxValue) / 10;
        HumidityPercent = Math.Clamp(Math.Round(humidityPercent * 2), 0, 200) / 2;
    }

    public int BatteryPercent { get; }

    public double TemperatureCelsius { get; }

    public double HumidityPercent { get; }
}
