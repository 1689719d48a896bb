using Platform.Core.Devices;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Tests.Ingestion;

public sealed class HostileUplinkParsingTests
{
    private static readonly HostileUplinkTargets Targets = new(
        ChirpStackApplicationId: new Guid("6f1d3c2a-0b7e-4c59-9a41-2e8d5f0c7b13"),
        RegisteredChirpStackDevEui: "a84041000181c0d1",
        TtsApplicationId: "hostile-corpus@acme",
        TtsDeviceId: "corpus-device-01",
        RegisteredTtsDevEui: "a84041000181c0d2",
        UnregisteredDevEui: "a84041000181dead",
        OtherChirpStackApplicationId: new Guid("0c9e7a55-3d21-4f8b-b6e0-94a1c3d7e2f8"));

    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    // Where the targets' registered devices are bound, as the ingestion tests would register them.
    private static readonly Dictionary<DevEui, (NetworkServerKind Kind, string ApplicationId)> Bindings = new()
    {
        [DevEui.Parse(Targets.RegisteredChirpStackDevEui)] = (NetworkServerKind.ChirpStack, Targets.ChirpStackApplicationId.ToString()),
        [DevEui.Parse(Targets.RegisteredTtsDevEui)] = (NetworkServerKind.TheThingsStack, Targets.TtsApplicationId),
    };

    // Reasons only device resolution can give: they need the registry, not just the message.
    private static readonly UplinkRejectionReason[] DeviceLevel =
        [UplinkRejectionReason.UnknownDevice, UplinkRejectionReason.BindingMismatch, UplinkRejectionReason.AmbiguousDevice];

    // Reasons of the platform's own failures (admission, storage), not of the message.
    private static readonly UplinkRejectionReason[] PlatformLevel = [UplinkRejectionReason.InternalError, UplinkRejectionReason.StorageFailed];

    // As IngestionOptions.Topics: a hostile message on any other topic would never reach the parser.
    private static readonly string[] SubscriptionFilters = ["application/+/device/+/event/up", "v3/+/devices/+/up"];

    private static readonly IReadOnlyList<HostileUplink> Corpus = HostileUplinks.Create(Targets, Now);

    public static TheoryData<string> ParseLevelNames() => new(Corpus.Where(u => !DeviceLevel.Contains(u.Expected)).Select(u => u.Name));

    public static TheoryData<string> DeviceLevelNames() => new(Corpus.Where(u => DeviceLevel.Contains(u.Expected)).Select(u => u.Name));

    [Theory]
    [MemberData(nameof(ParseLevelNames))]
    public void TheParserRejectsAHostileUplinkForItsOwnReason(string name)
    {
        var hostile = Corpus.Single(u => u.Name == name);

        var result = UplinkParser.Parse(hostile.Topic, hostile.Message, Now);

        Assert.Null(result.Uplink);
        Assert.Equal(hostile.Expected, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Theory]
    [MemberData(nameof(DeviceLevelNames))]
    public void AnUplinkOnlyDeviceResolutionCanRefuseParsesAndShowsWhy(string name)
    {
        var hostile = Corpus.Single(u => u.Name == name);

        var result = UplinkParser.Parse(hostile.Topic, hostile.Message, Now);

        var uplink = Assert.IsType<ParsedUplink>(result.Uplink);
        if (hostile.Expected == UplinkRejectionReason.UnknownDevice)
        {
            Assert.Equal(DevEui.Parse(Targets.UnregisteredDevEui), uplink.DevEui);
        }
        else
        {
            Assert.Equal(UplinkRejectionReason.BindingMismatch, hostile.Expected);
            Assert.True(Bindings.TryGetValue(uplink.DevEui, out var binding), $"{uplink.DevEui} is not a registered DevEUI.");
            Assert.NotEqual(binding, (uplink.Kind, uplink.ApplicationId));
        }
    }

    [Fact]
    public void TheCorpusHasAtLeastFiftyUniquelyNamedEntries()
    {
        Assert.True(Corpus.Count >= 50, $"Only {Corpus.Count} entries.");
        Assert.Empty(Corpus.GroupBy(u => u.Name).Where(group => group.Count() > 1).Select(group => group.Key));
    }

    [Fact]
    public void TheCorpusCoversEveryParseLevelReasonForBothNetworkServers()
    {
        var parseLevel = Enum.GetValues<UplinkRejectionReason>().Except(DeviceLevel).Except(PlatformLevel);
        var expected = parseLevel.SelectMany(reason => new[] { ("application/", reason), ("v3/", reason) });
        var covered = Corpus.Select(u => (u.Topic.StartsWith("v3/", StringComparison.Ordinal) ? "v3/" : "application/", u.Expected));

        Assert.Empty(expected.Except(covered));
    }

    [Fact]
    public void TheCorpusHasUnknownDeviceAndBindingMismatchCasesForBothNetworkServers()
    {
        foreach (var reason in new[] { UplinkRejectionReason.UnknownDevice, UplinkRejectionReason.BindingMismatch })
        {
            Assert.Contains(Corpus, u => u.Expected == reason && u.Topic.StartsWith("application/", StringComparison.Ordinal));
            Assert.Contains(Corpus, u => u.Expected == reason && u.Topic.StartsWith("v3/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryHostileUplinkIsADistinctMessage()
    {
        Assert.Equal(Corpus.Count, Corpus.Select(u => Convert.ToHexString(u.Message)).Distinct().Count());
    }

    [Fact]
    public void EveryCorpusDealsOutFreshDeduplicationKeys()
    {
        // A second run against the same database must not find its uplinks already handled.
        var keys = Corpus.Concat(HostileUplinks.Create(Targets, Now))
            .Select(u => UplinkParser.Parse(u.Topic, u.Message, Now).Uplink?.DeduplicationKey)
            .OfType<string>()
            .ToList();

        Assert.Equal(2 * Corpus.Count(u => DeviceLevel.Contains(u.Expected)), keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void EveryHostileUplinkArrivesOnASubscribedTopic()
    {
        Assert.All(Corpus, u => Assert.Contains(SubscriptionFilters, filter => Matches(filter, u.Topic)));
    }

    // MQTT topic matching for filters with single-level wildcards only.
    private static bool Matches(string filter, string topic)
    {
        var (filterLevels, topicLevels) = (filter.Split('/'), topic.Split('/'));
        return filterLevels.Length == topicLevels.Length
            && filterLevels.Zip(topicLevels).All(pair => pair.First == "+" || pair.First == pair.Second)
            && !topic.Contains('+') && !topic.Contains('#') && !topic.Contains('\0');
    }
}
