using Platform.Core.Devices;

namespace Platform.Core.NetworkServer.Uplinks;

/// <summary>
/// An uplink as the platform keeps it, whichever network server sent it.
/// </summary>
/// <param name="ApplicationId">As in the topic: the binding a device must have to accept it.</param>
/// <param name="DeduplicationKey">ChirpStack's deduplicationId, TTS's <c>as:up:</c> correlation id, else a hash.</param>
/// <param name="NetworkTime">The network server's own time of the uplink: a redelivery repeats it.</param>
public sealed record ParsedUplink(
    NetworkServerKind Kind,
    string ApplicationId,
    DevEui DevEui,
    string DeduplicationKey,
    uint FCnt,
    int FPort,
    byte[] Payload,
    DateTimeOffset NetworkTime,
    IReadOnlyList<GatewayReception> Gateways);

public sealed record GatewayReception(string GatewayId, double Rssi, double Snr);
