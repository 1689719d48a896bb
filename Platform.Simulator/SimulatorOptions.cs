namespace Platform.Simulator;

/// <summary>Section <c>Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>How many devices take turns sending.</summary>
    public int Devices { get; set; } = 10;

    /// <summary>Total uplinks per second across all devices; 0 publishes nothing.</summary>
    public double UplinksPerSecond { get; set; } = 1;

    /// <summary>The network-server application the devices belong to (part of every topic).</summary>
    public Guid ApplicationId { get; set; } = new("17c82e96-be03-4f38-aef3-f83d48582d97");

    public string ApplicationName { get; set; } = "Simulated sensors";

    /// <summary>The first DevEUI; the others count up from it, so runs are reproducible.</summary>
    public string FirstDevEui { get; set; } = "70b3d57ed0000001";
}
