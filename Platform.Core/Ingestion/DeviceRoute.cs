using Platform.Core.Devices;

namespace Platform.Core.Ingestion;

/// <summary>Where an uplink of a DevEUI goes: the registered device of a tenant, with its binding.</summary>
public sealed record DeviceRoute(Guid TenantId, Guid DeviceId, NetworkServerBinding Binding);
