using Platform.Core.NetworkServer;
using Platform.Core.NetworkServer.ChirpStack;
using Platform.Simulator.Devices;

namespace Platform.Simulator.Publishing;

/// <summary>Wraps a device's payload the way ChirpStack v4 publishes it, radio metadata included.</summary>
public sealed class ChirpStackUplinkFactory(SimulatedFleet fleet, Random random) : IUplinkFactory
{
    private static readonly Guid TenantId = new("52f14cd4-c6f1-4fbd-8f87-4025e1d49242");
    private static readonly Guid DeviceProfileId = new("14855bf7-d10d-4aee-b618-ebfcb64dc7ad");

    public SimulatedUplink Create(SimulatedDevice device, byte[] payload, DateTimeOffset now)
    {
        var channel = random.Next(Eu868.Channels.Length);
        var uplink = new ChirpStackUplinkEvent
        {
            DeduplicationId = Guid.NewGuid(),
            Time = now,
            DeviceInfo = new ChirpStackDeviceInfo
            {
                TenantId = TenantId,
                TenantName = "Simulated tenant",
                ApplicationId = fleet.ApplicationId,
                ApplicationName = fleet.ApplicationName,
                DeviceProfileId = DeviceProfileId,
                DeviceProfileName = "TLV environment sensor",
                DeviceName = device.Name,
                DevEui = device.DevEui.Value,
                DeviceClassEnabled = "CLASS_A",
                Tags = new Dictionary<string, string> { ["simulated"] = "true" },
            },
            DevAddr = device.DevAddr,
            Adr = true,
            Dr = Eu868.DataRate,
            FCnt = device.FrameCounter,
            FPort = EnvironmentSensorPayload.FPort,
            Confirmed = false,
            Data = Convert.ToBase64String(payload),
            RxInfo =
            [
                new ChirpStackRxInfo
                {
                    GatewayId = "0016c001f153a14c",
                    UplinkId = (uint)random.Next(),
                    NsTime = now.AddMilliseconds(-200),
                    Rssi = -70 - random.Next(50),
                    Snr = Math.Round(random.NextDouble() * 17 - 7, 1),
                    Channel = channel,
                    Location = new ChirpStackLocation(52.3702, 4.8952),
                    Context = Convert.ToBase64String(BitConverter.GetBytes(random.Next())),
                    Metadata = new Dictionary<string, string> { ["region_common_name"] = "EU868", ["region_config_id"] = "eu868" },
                    CrcStatus = "CRC_OK",
                },
            ],
            TxInfo = new ChirpStackTxInfo
            {
                Frequency = Eu868.Channels[channel],
                Modulation = new ChirpStackModulation(new ChirpStackLoraModulation(Eu868.Bandwidth, Eu868.SpreadingFactor, "CR_4_5")),
            },
        };
        return new SimulatedUplink(ChirpStackUplinkEvent.Topic(fleet.ApplicationId, device.DevEui.Value),
            NetworkServerJson.Serialize(uplink, NetworkServerJsonContext.Default.ChirpStackUplinkEvent));
    }
}
