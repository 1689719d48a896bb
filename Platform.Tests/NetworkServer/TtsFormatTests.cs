using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Core.Devices;
using Platform.Core.NetworkServer;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Simulator.Devices;
using Platform.Simulator.Publishing;

namespace Platform.Tests.NetworkServer;

public sealed partial class TtsFormatTests
{
    private static readonly string SharedData = Path.Combine(AppContext.BaseDirectory, "SharedData");

    private static readonly SimulatedFleet Fleet = new() { Devices = 2, Format = NetworkServerKind.TheThingsStack };

    [Fact]
    public void SimulatedUplinksHaveEveryFieldOfTheRecordedOneWithTheSameKindOfValue()
    {
        var recorded = Shape(JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData, "uplinks", "tts-v3-up.json")))!).ToHashSet();

        // The Things Stack omits zero values (a channel index or an SNR of 0), as the simulator does:
        // each message has a subset of the recorded fields, and together they have them all.
        var simulated = Simulate(40).Select(uplink => Shape(JsonNode.Parse(uplink.Json)!).ToHashSet()).ToList();

        Assert.All(simulated, shape => Assert.Subset(recorded, shape));
        Assert.Equal(recorded.Order(), simulated.SelectMany(shape => shape).Distinct().Order());
    }

    [Fact]
    public void TopicAndIdsNameTheApplicationAtItsTenantAndTheDeviceAsTheThingsStackDoes()
    {
        var uplink = Simulate(1)[0];
        var ids = JsonNode.Parse(uplink.Json)!["end_device_ids"]!;

        Assert.Equal("v3/simulated-sensors@simulator/devices/simulated-0001/up", uplink.Topic);
        Assert.Equal("simulated-0001", ids["device_id"]!.GetValue<string>());
        Assert.Equal("simulated-sensors", ids["application_ids"]!["application_id"]!.GetValue<string>());
        Assert.Equal("70B3D57ED0000001", ids["dev_eui"]!.GetValue<string>());
        Assert.Equal("26000000", ids["dev_addr"]!.GetValue<string>());
    }

    [Fact]
    public void EachUplinkHasAFreshApplicationServerCorrelationIdOfItsTime()
    {
        var messages = Simulate(20).Select(uplink => JsonNode.Parse(uplink.Json)!).ToList();

        var ids = messages.Select(message => message["correlation_ids"]!.AsArray()
            .Select(id => id!.GetValue<string>()).Single(id => id.StartsWith("as:up:", StringComparison.Ordinal))).ToList();

        Assert.All(ids, id => Assert.Matches(AsUpId(), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(messages.Zip(ids), pair => Assert.Equal(
            pair.First["received_at"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds(), UlidMilliseconds(pair.Second["as:up:".Length..])));
    }

    [Fact]
    public void TimesAreUtcWithAZAndTheFrequencyIsAStringAsInProtobufJson()
    {
        var message = JsonNode.Parse(Simulate(1)[0].Json)!;

        Assert.EndsWith("Z", message["received_at"]!.GetValue<string>());
        Assert.EndsWith("Z", message["uplink_message"]!["received_at"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.String, message["uplink_message"]!["settings"]!["frequency"]!.GetValueKind());
    }

    [Fact]
    public void BodiesEscapeOnlyWhatJsonRequiresAsTheNetworkServersDo()
    {
        var device = DeviceFleet.Create(Fleet, new Random(1))[0];

        // Bytes fb ef be are "++++" in base64, which .NET's default encoder would write as \u002B each.
        var uplink = new TtsUplinkFactory(Fleet, new Random(1)).Create(device, [0xfb, 0xef, 0xbe], DateTimeOffset.UtcNow);
        var body = System.Text.Encoding.UTF8.GetString(uplink.Json);

        Assert.Contains("\"frm_payload\":\"++++\"", body);
        Assert.DoesNotContain("\\u00", body);
    }

    [Fact]
    public void TimeOnAirIsTheLoRaWanAirtimeOfThePayload()
    {
        var message = JsonNode.Parse(Simulate(1)[0].Json)!;

        // 10-byte payloads, as the LoRaWAN airtime calculators give them: SF7 61.7 ms, SF9 205.8 ms, SF12 1482.8 ms.
        Assert.Equal(TimeSpan.FromMicroseconds(61_696), LoRaAirtime.Of(10, 7, 125_000));
        Assert.Equal(TimeSpan.FromMicroseconds(205_824), LoRaAirtime.Of(10, 9, 125_000));
        Assert.Equal(TimeSpan.FromMicroseconds(1_482_752), LoRaAirtime.Of(10, 12, 125_000));
        Assert.Equal("0.061696s", message["uplink_message"]!["consumed_airtime"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("5", UplinkRejectionReason.InvalidField)]
    [InlineData("\"yesterday\"", UplinkRejectionReason.InvalidField)]
    [InlineData("\"2026-11-20T11:35:01.923011+02:00\"", null)]
    public void ReadingTimesIsUnchangedByWritingThemWithAZ(string receivedAt, UplinkRejectionReason? reason)
    {
        var message = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData, "uplinks", "tts-v3-up.json")))!;
        message["uplink_message"]!["received_at"] = JsonNode.Parse(receivedAt);

        var result = UplinkParser.Parse("v3/reservoir-sensors@acme/devices/reservoir-south-02/up",
            System.Text.Encoding.UTF8.GetBytes(message.ToJsonString()), DateTimeOffset.Parse("2026-11-20T09:36:00Z"));

        Assert.Equal(reason, result.Reason);
        if (reason is null)
        {
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 35, 1, TimeSpan.Zero).AddTicks(9_230_110), result.Uplink!.NetworkTime);
        }
    }

    private static List<SimulatedUplink> Simulate(int count)
    {
        var random = new Random(11);
        var devices = DeviceFleet.Create(Fleet, random);
        var factory = new TtsUplinkFactory(Fleet, random);
        var start = new DateTimeOffset(2026, 11, 20, 9, 35, 2, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(sequence =>
        {
            var device = devices[sequence % devices.Count];
            var now = start.AddSeconds(sequence * 3.7);
            return factory.Create(device, EnvironmentSensorPayload.Encode(device.NextReading(now)), now);
        }).ToList();
    }

    /// <summary>Every property path with the kind of its value; array items are described once.</summary>
    private static IEnumerable<string> Shape(JsonNode node, string prefix = "") => node switch
    {
        JsonObject obj => obj.SelectMany(property =>
            new[] { $"{prefix}{property.Key}: {property.Value?.GetValueKind()}" }
                .Concat(property.Value is null ? [] : Shape(property.Value, prefix + property.Key + "."))),
        JsonArray array => array.OfType<JsonNode>().SelectMany(item => Shape(item, prefix.TrimEnd('.') + "[].")).Distinct(),
        _ => [],
    };

    private static long UlidMilliseconds(string ulid) =>
        ulid[..10].Aggregate(0L, (value, c) => value * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".IndexOf(c));

    [GeneratedRegex("^as:up:[0-9A-HJKMNP-TV-Z]{26}$")]
    private static partial Regex AsUpId();
}
