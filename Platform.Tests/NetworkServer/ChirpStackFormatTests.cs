using System.Text.Json.Nodes;
using Platform.Core.NetworkServer;
using Platform.Simulator.Devices;
using Platform.Simulator.Publishing;

namespace Platform.Tests.NetworkServer;

public sealed class ChirpStackFormatTests
{
    private static readonly string SharedData = Path.Combine(AppContext.BaseDirectory, "SharedData");

    [Fact]
    public void SimulatedUplinksHaveEveryFieldOfTheRecordedOne()
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData, "uplinks", "chirpstack-v4-up.json")))!;
        var fleet = new SimulatedFleet { Devices = 1 };
        var device = DeviceFleet.Create(fleet, new Random(7))[0];
        var now = DateTimeOffset.UtcNow;

        var uplink = new ChirpStackUplinkFactory(fleet, new Random(7))
            .Create(device, EnvironmentSensorPayload.Encode(device.NextReading(now)), now);
        var simulated = JsonNode.Parse(uplink.Json)!;

        Assert.Equal($"application/{fleet.ApplicationId}/device/{device.DevEui}/event/up", uplink.Topic);
        Assert.Equal(PropertyPaths(recorded).Order(), PropertyPaths(simulated).Order());
    }

    [Fact]
    public void SimulatedPayloadsFollowTheEnvironmentSensorRecordFormat()
    {
        var payload = EnvironmentSensorPayload.Encode(new EnvironmentReading(batteryPercent: 100, temperatureCelsius: 25.7, humidityPercent: 37));

        // Battery 100 % (0x64), 25.7 °C as 257 little-endian (01 01), humidity 37 % as 74 half-percent (0x4a).
        Assert.Equal(Convert.FromHexString("0175640367010104684a"), payload);
    }

    private static IEnumerable<string> PropertyPaths(JsonNode node, string prefix = "") => node switch
    {
        JsonObject obj => obj.SelectMany(property =>
            new[] { prefix + property.Key }.Concat(property.Value is null ? [] : PropertyPaths(property.Value, prefix + property.Key + ".")))
            // Tags and metadata are free-form maps: their keys are data, not format.
            .Where(path => !path.StartsWith("deviceInfo.tags.") && !path.StartsWith("rxInfo[].metadata.")),
        JsonArray array => array.OfType<JsonNode>().Take(1).SelectMany(item => PropertyPaths(item, prefix.TrimEnd('.') + "[].")),
        _ => [],
    };
}
