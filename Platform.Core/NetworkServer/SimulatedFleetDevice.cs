using Platform.Core.Devices;

namespace Platform.Core.NetworkServer;

/// <param name="Name">The device's name on the network server; on The Things Stack also its device id.</param>
public sealed record SimulatedFleetDevice(DevEui DevEui, string Name);
