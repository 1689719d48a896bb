namespace Platform.Simulator.Publishing;

/// <summary>An uplink as the network server publishes it: its MQTT topic and JSON body (UTF-8).</summary>
public sealed record SimulatedUplink(string Topic, byte[] Json);
