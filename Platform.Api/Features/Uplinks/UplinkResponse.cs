using Platform.Api.Features.Devices;
using Platform.Core.Uplinks;

namespace Platform.Api.Features.Uplinks;

/// <summary>
/// One raw uplink as the network server delivered it. <c>receivedAt</c> is the network server's time of
/// the uplink, <c>ingestedAt</c> when the platform took it from the broker, <c>storedAt</c> when it was stored.
/// The payload is given twice: base64 (as JSON carries bytes) and lowercase hex (as LoRaWAN tools show them).
/// </summary>
public sealed record UplinkResponse(
    DateTimeOffset ReceivedAt,
    string DeduplicationKey,
    long FCnt,
    int FPort,
    byte[] Payload,
    string PayloadHex,
    NetworkServerResponse NetworkServer,
    IReadOnlyList<GatewayResponse> Gateways,
    DateTimeOffset IngestedAt,
    DateTimeOffset StoredAt)
{
    public static UplinkResponse From(RawUplink uplink) =>
        new(uplink.ReceivedAt, uplink.DeduplicationKey, uplink.FCnt, uplink.FPort, uplink.Payload, Convert.ToHexStringLower(uplink.Payload),
            new NetworkServerResponse(uplink.NetworkServerKind.ToString(), uplink.ApplicationId),
            uplink.Gateways.Select(gateway => new GatewayResponse(gateway.GatewayId, gateway.Rssi, gateway.Snr)).ToList(),
            uplink.IngestedAt, uplink.StoredAt);
}

/// <summary>A gateway that heard the uplink, with the signal it heard it at.</summary>
public sealed record GatewayResponse(string GatewayId, double Rssi, double Snr);
