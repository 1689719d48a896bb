namespace Platform.Simulator;

/// <summary>
/// Section <c>Simulator</c>: when the devices send. Which devices, and to which network server, is
/// <see cref="Platform.Core.NetworkServer.SimulatedFleet"/> in the same section.
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Total uplinks per second across all devices, round-robin; 0 publishes nothing.</summary>
    public double UplinksPerSecond { get; set; } = 1;

    /// <summary>
    /// When above 0, each device sends once per this many seconds, the devices' start times spread
    /// evenly over the first interval; it then wins over <see cref="UplinksPerSecond"/>.
    /// </summary>
    public double IntervalSeconds { get; set; }
}
