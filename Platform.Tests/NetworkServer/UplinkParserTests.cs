using System.Text;
using System.Text.Json.Nodes;
using Platform.Core.Devices;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Tests.NetworkServer;

public sealed class UplinkParserTests
{
    private const string ChirpStackTopic = "application/17c82e96-be03-4f38-aef3-f83d48582d97/device/24e124136b502217/event/up";
    private const string TtsTopic = "v3/reservoir-sensors@acme/devices/reservoir-south-02/up";

    private static readonly string SharedData = Path.Combine(AppContext.BaseDirectory, "SharedData", "uplinks");

    // Shortly after the recorded uplinks were sent: their times are plausible against it.
    private static readonly DateTimeOffset ReceivedAt = DateTimeOffset.Parse("2026-11-20T09:35:05Z");

    [Fact]
    public void TheRecordedChirpStackUplinkBecomesAnUplink()
    {
        var result = UplinkParser.Parse(ChirpStackTopic, File.ReadAllBytes(Path.Combine(SharedData, "chirpstack-v4-up.json")), ReceivedAt);

        var uplink = Assert.IsType<ParsedUplink>(result.Uplink);
        Assert.Equal(NetworkServerKind.ChirpStack, uplink.Kind);
        Assert.Equal("24e124136b502217", uplink.DevEui.Value);
        Assert.Equal("3ac7e3c4-4401-4b8d-9386-a5c902f9202d", uplink.DeduplicationKey);
        Assert.Equal((1842u, 85), (uplink.FCnt, uplink.FPort));
        Assert.Equal(Convert.FromHexString("0175640367100104684a"), uplink.Payload);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T09:34:15.775023Z"), uplink.NetworkTime);
        Assert.Equal("0016c001f153a14c", Assert.Single(uplink.Gateways).GatewayId);
    }

    [Fact]
    public void TheRecordedTtsUplinkBecomesAnUplink()
    {
        var result = UplinkParser.Parse(TtsTopic, File.ReadAllBytes(Path.Combine(SharedData, "tts-v3-up.json")), ReceivedAt);

        var uplink = Assert.IsType<ParsedUplink>(result.Uplink);
        Assert.Equal(NetworkServerKind.TheThingsStack, uplink.Kind);
        Assert.Equal("reservoir-sensors@acme", uplink.ApplicationId);
        Assert.Equal("24e124136b502218", uplink.DevEui.Value);
        Assert.Equal("as:up:01JD3XK4M6Q8ZC1V7T9R2B5N0E", uplink.DeduplicationKey);
        Assert.Equal((77u, 85), (uplink.FCnt, uplink.FPort));
        Assert.Equal(Convert.FromBase64String("AXVaA2fyAARoXA=="), uplink.Payload);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T09:35:01.923011Z"), uplink.NetworkTime);
        Assert.Equal(-104, Assert.Single(uplink.Gateways).Rssi);
    }

    [Fact]
    public void ATtsGatewaysFractionalRssiIsKept()
    {
        // The Things Stack's RxMetadata.rssi is a float; -104.5 once made the whole uplink unreadable.
        var message = Tts();
        message["uplink_message"]!["rx_metadata"]![0]!["rssi"] = -104.5;
        message["uplink_message"]!["rx_metadata"]![0]!["channel_rssi"] = -104.25;

        var uplink = Assert.IsType<ParsedUplink>(UplinkParser.Parse(TtsTopic, Bytes(message), ReceivedAt).Uplink);

        Assert.Equal(-104.5, Assert.Single(uplink.Gateways).Rssi);
    }

    [Fact]
    public void WithoutTheAsUpCorrelationIdTheSameUplinkGetsTheSameHashKey()
    {
        var message = Tts();
        message["correlation_ids"] = new JsonArray();

        var first = UplinkParser.Parse(TtsTopic, Bytes(message), ReceivedAt).Uplink!;
        var again = UplinkParser.Parse(TtsTopic, Bytes(message), ReceivedAt).Uplink!;

        Assert.StartsWith("hash:", first.DeduplicationKey);
        Assert.Equal(first.DeduplicationKey, again.DeduplicationKey);
    }

    public static TheoryData<string, string, UplinkRejectionReason> Rejections()
    {
        JsonObject Cs(Action<JsonObject> change) { var json = ChirpStack(); change(json); return json; }
        JsonObject Tt(Action<JsonObject> change) { var json = Tts(); change(json); return json; }
        return new TheoryData<string, string, UplinkRejectionReason>
        {
            { "application/x/device/y/event/join", Text(ChirpStack()), UplinkRejectionReason.UnknownTopic },
            { ChirpStackTopic, "{\"deduplicationId\": ", UplinkRejectionReason.MalformedJson },
            { ChirpStackTopic, new string('[', 100) + new string(']', 100), UplinkRejectionReason.MalformedJson },
            { ChirpStackTopic, Text(Cs(j => j.Remove("deduplicationId"))), UplinkRejectionReason.MissingField },
            { ChirpStackTopic, Text(Cs(j => j["fCnt"] = "many")), UplinkRejectionReason.InvalidField },
            { ChirpStackTopic, Text(Cs(j => j["data"] = "not base64!")), UplinkRejectionReason.BadBase64 },
            { ChirpStackTopic, Text(Cs(j => j["data"] = Convert.ToBase64String(new byte[300]))), UplinkRejectionReason.PayloadTooLarge },
            { ChirpStackTopic.Replace("24e124136b502217", "24e124136b502299"), Text(ChirpStack()), UplinkRejectionReason.TopicMismatch },
            { ChirpStackTopic, Text(Cs(j => j["fPort"] = 999)), UplinkRejectionReason.InvalidField },
            { ChirpStackTopic, Text(Cs(j => j["padding"] = new string('x', UplinkParser.MaxMessageBytes))), UplinkRejectionReason.MessageTooLarge },
            { TtsTopic.Replace("reservoir-south-02", "someone-else"), Text(Tts()), UplinkRejectionReason.TopicMismatch },
            { TtsTopic, Text(Tt(j => j["end_device_ids"]!.AsObject().Remove("dev_eui"))), UplinkRejectionReason.MissingField },
        };
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void BadMessagesAreRejectedWithTheirReason(string topic, string message, UplinkRejectionReason reason)
    {
        var result = UplinkParser.Parse(topic, Encoding.UTF8.GetBytes(message), ReceivedAt);

        Assert.Null(result.Uplink);
        Assert.Equal(reason, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    public static TheoryData<string, bool> NetworkTimes() => new()
    {
        { "2015-01-01T00:00:00Z", true },
        { "2014-12-31T23:59:59.999999Z", false },
        { "1970-01-01T00:00:00Z", false },
        { "2026-11-21T09:35:05Z", true },
        { "2026-11-21T09:35:05.000001Z", false },
        { "2026-11-21T10:35:05+01:00", true },
        { "2026-11-27T09:35:05Z", false },
    };

    [Theory]
    [MemberData(nameof(NetworkTimes))]
    public void ANetworkTimeBeforeLoRaWanOrMoreThanADayAheadIsRejected(string time, bool accepted)
    {
        var chirpStack = ChirpStack();
        chirpStack["time"] = time;
        var tts = Tts();
        tts["uplink_message"]!["received_at"] = time;

        foreach (var result in new[] { UplinkParser.Parse(ChirpStackTopic, Bytes(chirpStack), ReceivedAt), UplinkParser.Parse(TtsTopic, Bytes(tts), ReceivedAt) })
        {
            Assert.Equal(accepted, result.Uplink is not null);
            Assert.Equal(accepted ? null : UplinkRejectionReason.TimeOutOfRange, result.Reason);
        }
    }

    [Fact]
    public void TheTimeCheckDoesNotOverflowAtTheEndsOfTime()
    {
        var message = Bytes(ChirpStack());

        Assert.Equal(UplinkRejectionReason.TimeOutOfRange, UplinkParser.Parse(ChirpStackTopic, message, DateTimeOffset.MinValue).Reason);
        Assert.NotNull(UplinkParser.Parse(ChirpStackTopic, message, DateTimeOffset.MaxValue).Uplink);
    }

    private static JsonObject ChirpStack() => JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData, "chirpstack-v4-up.json")))!.AsObject();

    private static JsonObject Tts() => JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData, "tts-v3-up.json")))!.AsObject();

    private static string Text(JsonObject json) => json.ToJsonString();

    private static byte[] Bytes(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString());
}
