using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Ingestion;

/// <summary>
/// An uplink the ingestion accepted: parsed, and resolved to the one device whose network-server
/// binding matches the topic it came on. Everything the storage needs travels with it, so storing
/// needs no lookup.
/// </summary>
/// <param name="ReceivedAt">When our ingestion took the message from the broker (for end-to-end lag).</param>
/// <param name="TraceParent">W3C trace context of the uplink's own trace, continued by the storage.</param>
public sealed record AdmittedUplink(
    Guid TenantId,
    Guid DeviceId,
    ParsedUplink Uplink,
    DateTimeOffset ReceivedAt,
    string? TraceParent);
