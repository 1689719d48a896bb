using System.Text.Json.Nodes;
using Jint;
using Platform.Core.Devices;
using Platform.Core.NetworkServer;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Simulator.Devices;
using Platform.Simulator.Publishing;

namespace Platform.Tests.Simulator;

/// <summary>
/// What the simulator publishes is what ingestion reads: every message of either format parses to
/// the simulated device, counter, port and payload, and the shared decoder reads the simulated
/// measurement back out of the payload.
/// </summary>
public sealed class SimulatedUplinkRoundTripTests
{
    private static readonly string Decoder =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "tlv-env-sensor.js"));

    // Written out rather than computed: counting up must carry into the next byte.
    private static readonly string[] ExpectedDevEuis = ["70b3d57ed00000fe", "70b3d57ed00000ff", "70b3d57ed0000100"];

    [Theory]
    [InlineData(NetworkServerKind.ChirpStack)]
    [InlineData(NetworkServerKind.TheThingsStack)]
    public void EverySimulatedUplinkParsesToWhatWasSimulatedAndDecodesToItsReading(NetworkServerKind format)
    {
        var fleet = new SimulatedFleet { Devices = ExpectedDevEuis.Length, FirstDevEui = "70B3D57ED00000FE", Format = format };
        var random = new Random(42);
        var devices = DeviceFleet.Create(fleet, random);
        var factory = IUplinkFactory.For(fleet, random);
        var decoder = new Engine(options => options.TimeoutInterval(TimeSpan.FromSeconds(5)).LimitRecursion(64)).Execute(Decoder);
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        var keys = new HashSet<string>();

        for (var sequence = 0; sequence < 4 * ExpectedDevEuis.Length; sequence++)
        {
            var device = devices[sequence % devices.Count];
            var now = start.AddSeconds(sequence * 7.3);
            var reading = device.NextReading(now);
            var payload = EnvironmentSensorPayload.Encode(reading);

            var uplink = factory.Create(device, payload, now);
            var result = UplinkParser.Parse(uplink.Topic, uplink.Json, now);

            var parsed = Assert.IsType<ParsedUplink>(result.Uplink);
            Assert.Equal(format, parsed.Kind);
            // The binding the demo tenant gives the fleet's devices accepts exactly these uplinks.
            Assert.Equal(fleet.Binding, new NetworkServerBinding(parsed.Kind, parsed.ApplicationId));
            Assert.Equal(ExpectedDevEuis[sequence % ExpectedDevEuis.Length], parsed.DevEui.Value);
            Assert.Equal((uint)(sequence / ExpectedDevEuis.Length + 1), parsed.FCnt);
            Assert.Equal(EnvironmentSensorPayload.FPort, parsed.FPort);
            Assert.Equal(payload, parsed.Payload);
            Assert.InRange(parsed.NetworkTime, now.AddSeconds(-1), now);
            Assert.True(keys.Add(parsed.DeduplicationKey), $"deduplication key {parsed.DeduplicationKey} repeated");
            Assert.True(format == NetworkServerKind.TheThingsStack
                ? parsed.DeduplicationKey.StartsWith("as:up:", StringComparison.Ordinal)
                : Guid.TryParse(parsed.DeduplicationKey, out _), parsed.DeduplicationKey);

            var decoded = Decode(decoder, parsed.Payload, parsed.FPort);
            Assert.Null(decoded["errors"]);
            Assert.Empty(decoded["warnings"]!.AsArray());
            Assert.Equal(reading.BatteryPercent, decoded["data"]!["battery"]!.GetValue<int>());
            Assert.Equal(reading.TemperatureCelsius, decoded["data"]!["temperature"]!.GetValue<double>());
            Assert.Equal(reading.HumidityPercent, decoded["data"]!["humidity"]!.GetValue<double>());
        }
    }

    [Fact]
    public void NegativeTemperaturesSurviveTheRoundTrip()
    {
        var reading = new EnvironmentReading(batteryPercent: 3, temperatureCelsius: -12.34, humidityPercent: 95.3);
        var decoder = new Engine().Execute(Decoder);

        var decoded = Decode(decoder, EnvironmentSensorPayload.Encode(reading), EnvironmentSensorPayload.FPort);

        Assert.Equal(-12.3, reading.TemperatureCelsius);
        Assert.Equal(95.5, reading.HumidityPercent);
        Assert.Equal(-12.3, decoded["data"]!["temperature"]!.GetValue<double>());
        Assert.Equal(95.5, decoded["data"]!["humidity"]!.GetValue<double>());
        Assert.Equal(3, decoded["data"]!["battery"]!.GetValue<int>());
    }

    /// <summary>The TTN/ChirpStack decoder contract, called as the platform will call it; JSON in between keeps CLR objects out of the script.</summary>
    private static JsonNode Decode(Engine decoder, byte[] payload, int fPort) =>
        JsonNode.Parse(decoder.Evaluate($"JSON.stringify(decodeUplink({{ bytes: [{string.Join(',', payload)}], fPort: {fPort} }}))").AsString())!;
}
