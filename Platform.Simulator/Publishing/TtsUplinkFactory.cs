using System.Globalization;
using Platform.Core.NetworkServer;
using Platform.Core.NetworkServer.Tts;
using Platform.Simulator.Devices;

namespace Platform.Simulator.Publishing;

/// <summary>
/// Wraps a device's payload the way The Things Stack v3 publishes it: upper-case EUIs, a fresh
/// <c>as:up:</c> correlation id per uplink (the platform's deduplication key), gateway, network
/// server and application server times in that order, the radio settings and the time on air.
/// </summary>
public sealed class TtsUplinkFactory(SimulatedFleet fleet, Random random) : IUplinkFactory
{
    private const string JoinEui = "70B3D57ED0000000";

    private static readonly TtsGatewayIds Gateway = new("simulated-gateway", "0016C001F153A14C");

    // A gateway keeps its connection to the gateway server for hours: one id for the whole run.
    private readonly string _gatewayConnection = "gs:conn:" + Ulid.New(DateTimeOffset.UtcNow, random);

    public SimulatedUplink Create(SimulatedDevice device, byte[] payload, DateTimeOffset now)
    {
        var gatewayTime = now.AddMilliseconds(-250);
        var networkServerTime = now.AddMilliseconds(-190);
        var channel = random.Next(Eu868.Channels.Length);
        var rssi = -70 - random.Next(50);
        var message = new TtsUplinkMessage
        {
            EndDeviceIds = new TtsEndDeviceIds
            {
                DeviceId = device.Name,
                ApplicationIds = new TtsApplicationIds { ApplicationId = fleet.TtsApplicationId },
                DevEui = device.DevEui.Value.ToUpperInvariant(),
                JoinEui = JoinEui,
                DevAddr = device.DevAddr.ToUpperInvariant(),
            },
            CorrelationIds =
            [
                "as:up:" + Ulid.New(now, random),
                _gatewayConnection,
                "ns:uplink:" + Ulid.New(networkServerTime, random),
                "rpc:/ttn.lorawan.v3.GsNs/HandleUplink:" + Ulid.New(networkServerTime, random),
            ],
            ReceivedAt = now,
            UplinkMessage = new TtsUplink
            {
                SessionKeyId = Convert.ToBase64String(device.SessionKeyId),
                FPort = EnvironmentSensorPayload.FPort,
                FCnt = device.FrameCounter,
                FrmPayload = Convert.ToBase64String(payload),
                RxMetadata =
                [
                    new TtsRxMetadata
                    {
                        GatewayIds = Gateway,
                        Time = gatewayTime,
                        Rssi = rssi,
                        ChannelRssi = rssi,
                        // The Things Stack reports SNR in quarter decibels.
                        Snr = Math.Round((random.NextDouble() * 17 - 7) * 4) / 4,
                        ChannelIndex = channel,
                        ReceivedAt = gatewayTime.AddMilliseconds(30),
                    },
                ],
                Settings = new TtsTxSettings
                {
                    DataRate = new TtsDataRate(new TtsLoraDataRate(Eu868.Bandwidth, Eu868.SpreadingFactor, "4/5")),
                    Frequency = Eu868.Channels[channel],
                    Timestamp = unchecked((uint)(gatewayTime.UtcTicks / TimeSpan.TicksPerMicrosecond)),
                },
                ReceivedAt = networkServerTime,
                ConsumedAirtime = Duration(LoRaAirtime.Of(payload.Length, Eu868.SpreadingFactor, Eu868.Bandwidth)),
                NetworkIds = new TtsNetworkIds("000013", "EC656E0000000181", fleet.TtsTenantId, "eu1", "eu1.cloud.thethings.industries"),
            },
        };
        return new SimulatedUplink(TtsUplinkMessage.Topic(fleet.Binding.ApplicationId, device.Name),
            NetworkServerJson.Serialize(message, TtsJsonContext.Default.TtsUplinkMessage));
    }

    /// <summary>Protobuf's JSON form of a duration; LoRa times on air are whole microseconds.</summary>
    private static string Duration(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture) + "s";
}
