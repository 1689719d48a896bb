namespace Platform.Simulator.Publishing;

/// <summary>
/// When which uplink is due: the n-th uplink (from 0) goes to device n mod N once n + 1 uplinks'
/// worth of time has passed at the total rate. A per-device interval I is the same schedule at a
/// total rate of N / I: device i then sends at (i + 1)·I/N + k·I, every I seconds, the devices'
/// starts spread evenly over the first interval.
/// </summary>
public sealed class UplinkSchedule
{
    private UplinkSchedule(int devices, double uplinksPerSecond)
    {
        Devices = devices;
        UplinksPerSecond = uplinksPerSecond;
    }

    public int Devices { get; }

    /// <summary>Across all devices.</summary>
    public double UplinksPerSecond { get; }

    public bool IsIdle => Devices <= 0 || UplinksPerSecond <= 0 || !double.IsFinite(UplinksPerSecond);

    public static UplinkSchedule For(SimulatorOptions options, int devices) =>
        new(devices, options.IntervalSeconds > 0 ? devices / options.IntervalSeconds : options.UplinksPerSecond);

    /// <summary>How many uplinks should have been published, in total, this long after the start.</summary>
    public long DueBy(TimeSpan elapsed) => IsIdle ? 0 : (long)(elapsed.TotalSeconds * UplinksPerSecond);

    /// <summary>The index of the device that sends the uplink with this sequence number (from 0).</summary>
    public int DeviceOf(long sequence) => (int)(sequence % Devices);
}
