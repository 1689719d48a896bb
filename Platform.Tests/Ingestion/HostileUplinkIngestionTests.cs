using Platform.Core.Devices;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Ingestion;

/// <summary>
/// The hostile corpus through the whole stack, each message followed by a valid uplink: every
/// hostile one is stored as a rejection with its expected reason, every valid one is stored, and
/// the services keep running.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class HostileUplinkIngestionTests(PlatformAppFixture fixture)
{
    [Fact]
    public async Task EveryHostileMessageIsRejectedWithItsReasonAndEveryValidUplinkAroundThemIsStored()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        var targets = new HostileUplinkTargets(
            ChirpStackApplicationId: Guid.NewGuid(),
            RegisteredChirpStackDevEui: TestTenantSeeder.RandomDevEui(),
            TtsApplicationId: "hostile-" + Guid.NewGuid().ToString("N")[..8] + "@acme",
            TtsDeviceId: "reservoir-" + Guid.NewGuid().ToString("N")[..8],
            RegisteredTtsDevEui: TestTenantSeeder.RandomDevEui(),
            UnregisteredDevEui: TestTenantSeeder.RandomDevEui(),
            OtherChirpStackApplicationId: Guid.NewGuid());
        var device = await seeder.CreateDeviceAsync(tenant, organization, targets.RegisteredChirpStackDevEui,
            new NetworkServerBinding(NetworkServerKind.ChirpStack, targets.ChirpStackApplicationId.ToString()));
        await seeder.CreateDeviceAsync(tenant, organization, targets.RegisteredTtsDevEui,
            new NetworkServerBinding(NetworkServerKind.TheThingsStack, targets.TtsApplicationId));
        var corpus = HostileUplinks.Create(targets, DateTimeOffset.UtcNow);

        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var fCnt = 0u;
        foreach (var hostile in corpus)
        {
            await networkServer.PublishAsync(hostile.Topic, hostile.Message);
            var valid = NetworkServerClient.ChirpStack(targets.ChirpStackApplicationId, targets.RegisteredChirpStackDevEui, ++fCnt,
                [0x01, 0x75, 0x50], DateTimeOffset.UtcNow);
            await networkServer.PublishAsync(valid.Topic, valid.Message);
        }

        var stored = new StoredUplinks(fixture);
        Assert.Equal(corpus.Count, await StoredUplinks.EventuallyAsync(() => stored.CountAsync(device), count => count >= corpus.Count));
        var topics = corpus.Select(hostile => hostile.Topic).ToHashSet();
        var rejections = await StoredUplinks.EventuallyAsync(() => stored.RejectionsAsync(topics), found => found.Count >= corpus.Count);
        Assert.All(corpus, hostile =>
        {
            var message = hostile.Message.Length > Platform.Core.Ingestion.UplinkRejection.MaxStoredMessageBytes ? hostile.Message[..Platform.Core.Ingestion.UplinkRejection.MaxStoredMessageBytes] : hostile.Message;
            var matches = rejections.Where(rejection => rejection.Topic == hostile.Topic && rejection.Message.SequenceEqual(message)
                && rejection.Size == hostile.Message.Length).ToList();
            Assert.True(matches.Count == 1, $"{hostile.Name}: {matches.Count} rejection(s) stored");
            Assert.Equal(hostile.Expected.ToString(), matches[0].Reason);
        });
        Assert.Equal("Healthy", fixture.CurrentState("platform-ingestion").Snapshot.HealthStatus?.ToString());
        Assert.Equal("Healthy", fixture.CurrentState("platform-workers").Snapshot.HealthStatus?.ToString());
    }
}
