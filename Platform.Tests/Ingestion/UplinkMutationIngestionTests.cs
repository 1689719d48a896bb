using Platform.Core.Devices;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Ingestion;

/// <summary>
/// A sample of <see cref="HostileUplinks.Mutations"/> through the whole stack, each followed by a
/// valid uplink: every valid uplink is stored, every mutation is visible as a stored uplink or a
/// stored rejection, and the ingestion stays healthy. One message the platform cannot handle must
/// not hold up the others, nor vanish.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class UplinkMutationIngestionTests(PlatformAppFixture fixture)
{
    /// <summary>One mutation in this many, besides those the sample always has.</summary>
    private const int SampleEvery = 12;

    // The messages that once stopped the ingestion, or were lost between storage and rejection.
    private static readonly string[] AlwaysSampled =
    [
        "chirpstack: $.rxInfo removed",
        "tts: $.correlation_ids removed",
        "tts: $.uplink_message.rx_metadata removed",
        "chirpstack: $.rxInfo[0].gatewayId ends in a NUL",
        "tts: $.correlation_ids[0] ends in a NUL",
        "chirpstack: $.deviceInfo.tags.site's member name ends in a NUL",
        "chirpstack: $.deviceInfo.devEui ends in a lone high surrogate",
        "chirpstack: $.fCnt is a number in a string",
        "tts: $.uplink_message.received_at has no offset",
    ];

    [Fact]
    public async Task EveryMutationIsStoredOrRejectedAndEveryValidUplinkAroundThemIsStored()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        var targets = new HostileUplinkTargets(
            ChirpStackApplicationId: Guid.NewGuid(),
            RegisteredChirpStackDevEui: TestTenantSeeder.RandomDevEui(),
            TtsApplicationId: "mutated-" + Guid.NewGuid().ToString("N")[..8] + "@acme",
            TtsDeviceId: "reservoir-" + Guid.NewGuid().ToString("N")[..8],
            RegisteredTtsDevEui: TestTenantSeeder.RandomDevEui(),
            UnregisteredDevEui: TestTenantSeeder.RandomDevEui(),
            OtherChirpStackApplicationId: Guid.NewGuid());
        await seeder.CreateDeviceAsync(tenant, organization, targets.RegisteredChirpStackDevEui,
            new NetworkServerBinding(NetworkServerKind.ChirpStack, targets.ChirpStackApplicationId.ToString()));
        await seeder.CreateDeviceAsync(tenant, organization, targets.RegisteredTtsDevEui,
            new NetworkServerBinding(NetworkServerKind.TheThingsStack, targets.TtsApplicationId));
        var now = DateTimeOffset.UtcNow;
        var mutations = HostileUplinks.Mutations(targets, now);
        var sample = mutations.Where((mutation, index) => index % SampleEvery == 0 || AlwaysSampled.Contains(mutation.Name)).ToList();
        Assert.Equal(AlwaysSampled.Length, sample.Count(mutation => AlwaysSampled.Contains(mutation.Name)));

        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var validKeys = new List<string>();
        var fCnt = 0u;
        foreach (var mutation in sample)
        {
            await networkServer.PublishAsync(mutation.Topic, mutation.Message);
            var valid = NetworkServerClient.ChirpStack(targets.ChirpStackApplicationId, targets.RegisteredChirpStackDevEui, ++fCnt,
                [0x01, 0x75, 0x50], DateTimeOffset.UtcNow);
            await networkServer.PublishAsync(valid.Topic, valid.Message);
            validKeys.Add(valid.DeduplicationId.ToString());
        }

        var stored = new StoredUplinks(fixture);
        var keys = await StoredUplinks.EventuallyAsync(async () => (await stored.KeysAsync(tenant)).ToHashSet(), found => found.IsSupersetOf(validKeys));
        var missing = validKeys.Except(keys).ToList();
        Assert.Empty(missing);

        var topics = sample.Select(mutation => mutation.Topic).ToHashSet();
        var invisible = await StoredUplinks.EventuallyAsync(async () =>
        {
            var rejections = await stored.RejectionsAsync(topics);
            var storedKeys = (await stored.KeysAsync(tenant)).ToHashSet();
            return sample.Where(mutation => !IsVisible(mutation, rejections, storedKeys, now)).Select(mutation => mutation.Name).ToList();
        }, names => names.Count == 0);
        Assert.Empty(invisible);
        Assert.Equal("Healthy", fixture.CurrentState("platform-ingestion").Snapshot.HealthStatus?.ToString());
    }

    private static bool IsVisible(UplinkMutation mutation, List<StoredRejection> rejections, HashSet<string> storedKeys, DateTimeOffset now)
    {
        if (rejections.Any(rejection => rejection.Topic == mutation.Topic && rejection.Message.SequenceEqual(mutation.Message)))
        {
            return true;
        }

        // Not rejected: then it parsed, and its uplink is stored under its deduplication key.
        return UplinkParser.Parse(mutation.Topic, mutation.Message, now).Uplink is { } uplink && storedKeys.Contains(uplink.DeduplicationKey);
    }
}
