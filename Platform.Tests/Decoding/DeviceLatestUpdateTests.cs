using System.Text.Json.Nodes;
using Platform.Workers.Decoding;
using Platform.Workers.Measurements;

namespace Platform.Tests.Decoding;

public sealed class DeviceLatestUpdateTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-29T08:00:00Z");
    private static readonly Guid Version = Guid.NewGuid();

    [Fact]
    public void TheNewestUplinksFieldsWinAndOlderOnesOnlyFillTheRest()
    {
        var device = Guid.NewGuid();

        var update = Assert.Single(DeviceLatestUpdate.Of([
            Row(device, T0.AddMinutes(2), 12, """{"temperature": 22.5}"""),
            Row(device, T0, 10, """{"temperature": 20, "battery": 90}"""),
        ]));

        Assert.Equal(T0.AddMinutes(2), update.LastSeenAt);
        Assert.Equal(12, update.LastFCnt);
        Assert.Equal(T0.AddMinutes(2), update.DataAt);
        var data = JsonNode.Parse(update.DataJson!)!;
        Assert.Equal(22.5, data["temperature"]!.GetValue<double>());
        Assert.Equal(90, data["battery"]!.GetValue<int>());
    }

    [Fact]
    public void AnUplinkWithoutDataMovesLastSeenButNotTheData()
    {
        var device = Guid.NewGuid();

        var update = Assert.Single(DeviceLatestUpdate.Of([
            Row(device, T0, 10, """{"battery": 90}"""),
            Row(device, T0.AddMinutes(1), 11, null),
        ]));

        Assert.Equal(T0.AddMinutes(1), update.LastSeenAt);
        Assert.Equal(11, update.LastFCnt);
        Assert.Equal(T0, update.DataAt);
        Assert.Equal("""{"battery":90}""", update.DataJson);
    }

    [Fact]
    public void ADeviceWithoutDecodedUplinksHasNoData()
    {
        var update = Assert.Single(DeviceLatestUpdate.Of([new DecodedUplinkRow(Guid.NewGuid(), T0, "k", 3, null)]));

        Assert.Null(update.DataJson);
        Assert.Null(update.DataAt);
        Assert.Equal(T0, update.LastSeenAt);
    }

    [Fact]
    public void EachDeviceGetsOneUpdateInDeviceOrder()
    {
        var first = Guid.CreateVersion7(T0);
        var second = Guid.CreateVersion7(T0.AddSeconds(1));

        var updates = DeviceLatestUpdate.Of([Row(second, T0, 1, "{}"), Row(first, T0, 1, "{}"), Row(second, T0.AddSeconds(5), 2, "{}")]);

        Assert.Equal([first, second], updates.Select(update => update.DeviceId));
    }

    private static DecodedUplinkRow Row(Guid device, DateTimeOffset time, long fCnt, string? data)
    {
        var decode = data is null
            ? UplinkDecode.Failed(Version, DecodeOutcome.DecoderError, "no data")
            : new UplinkDecode(Version, DecodeOutcome.Decoded, JsonNode.Parse(data)!.AsObject(), data, [], [], []);
        return new DecodedUplinkRow(device, time, Guid.NewGuid().ToString(), fCnt, decode);
    }
}
