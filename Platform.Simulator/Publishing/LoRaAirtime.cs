namespace Platform.Simulator.Publishing;

/// <summary>
/// Time on air of a LoRaWAN uplink (Semtech AN1200.13 with LoRaWAN's settings: 8 preamble
/// symbols, explicit header, CRC, coding rate 4/5, low-data-rate optimization from 16 ms symbols).
/// </summary>
public static class LoRaAirtime
{
    /// <summary>MHDR (1) + FHDR without options (7) + FPort (1) + MIC (4).</summary>
    private const int FrameOverheadBytes = 13;

    public static TimeSpan Of(int applicationPayloadBytes, int spreadingFactor, int bandwidthHz)
    {
        var symbolSeconds = Math.Pow(2, spreadingFactor) / bandwidthHz;
        var lowDataRateOptimize = symbolSeconds >= 0.016 ? 1 : 0;
        var physicalPayloadBytes = applicationPayloadBytes + FrameOverheadBytes;
        var payloadSymbols = 8 + Math.Max(
            Math.Ceiling((8.0 * physicalPayloadBytes - 4 * spreadingFactor + 28 + 16) / (4 * (spreadingFactor - 2 * lowDataRateOptimize))) * 5,
            0);
        var seconds = (8 + 4.25 + payloadSymbols) * symbolSeconds;
        return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }
}
