namespace Platform.Simulator.Devices;

/// <summary>
/// The channel/type/value record format of ../shared/data/decoders/tlv-env-sensor.js:
/// <c>01 75 u8</c> battery %, <c>03 67 i16 LE</c> temperature in 0.1 °C, <c>04 68 u8</c> humidity in 0.5 %.
/// </summary>
public static class EnvironmentSensorPayload
{
    public const int FPort = 85;

    public static byte[] Encode(EnvironmentReading reading)
    {
        var temperature = (short)Math.Round(reading.TemperatureCelsius * 10);
        return
        [
            0x01, 0x75, (byte)reading.BatteryPercent,
            0x03, 0x67, (byte)(temperature & 0xff), (byte)((temperature >> 8) & 0xff),
            0x04, 0x68, (byte)Math.Round(reading.HumidityPercent * 2),
        ];
    }
}
