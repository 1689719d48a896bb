using System.Text;
using System.Text.Json;
using Platform.Core.Devices;
using Platform.Core.Ingestion;
using Platform.Core.Messaging;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Platform.Tests.Ingestion;

/// <summary>
/// A batch the database can never take (here: a key longer than its column, which the parser
/// would have refused, published straight to the queue) goes to the dead-letter queue; the uplinks
/// around it are stored and the storage does not stall on it.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class UnstorableBatchTests(PlatformAppFixture fixture)
{
    [Fact]
    public async Task AnUnstorableBatchIsDeadLetteredAndTheOthersAreStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        var application = Guid.NewGuid().ToString();
        var devEui = TestTenantSeeder.RandomDevEui();
        var device = await seeder.CreateDeviceAsync(tenant, organization, devEui, new NetworkServerBinding(NetworkServerKind.ChirpStack, application));
        var tooLong = "poison-" + new string('x', 300);
        var valid = Guid.NewGuid().ToString();

        var factory = new ConnectionFactory { Uri = new Uri((await fixture.ConnectionStringAsync("eventbus"))!) };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        foreach (var key in new[] { tooLong, valid })
        {
            var uplink = new ParsedUplink(NetworkServerKind.ChirpStack, application, DevEui.Parse(devEui), key, 1, 85, [0x01],
                DateTimeOffset.UtcNow, [new GatewayReception("0016c001f153a14c", -90, 7.5)]);
            var batch = new UplinkBatch([new AdmittedUplink(tenant, device, uplink, DateTimeOffset.UtcNow, null)], []);
            await channel.BasicPublishAsync(EventBusTopology.EventsExchange, EventBusTopology.UplinkReceivedRoutingKey, mandatory: true,
                new BasicProperties { Persistent = true }, JsonSerializer.SerializeToUtf8Bytes(batch, IngestionJsonContext.Default.UplinkBatch), ct);
        }

        var stored = new StoredUplinks(fixture);
        Assert.Equal(1, await StoredUplinks.EventuallyAsync(() => stored.CountByKeyAsync(valid), count => count == 1));
        Assert.Equal(1, await stored.CountAsync(device));
        var deadLettered = await StoredUplinks.EventuallyAsync(() => DeadLetteredContainingAsync(channel, tooLong), found => found);
        Assert.True(deadLettered, "the unstorable batch is not in the dead-letter queue");
    }

    /// <summary>Looks through the dead-letter queue without taking anything off it.</summary>
    private static async Task<bool> DeadLetteredContainingAsync(IChannel channel, string text)
    {
        var found = false;
        var tags = new List<ulong>();
        while (await channel.BasicGetAsync(EventBusTopology.StoreUplinks.DeadLetterQueueName, autoAck: false) is { } message)
        {
            tags.Add(message.DeliveryTag);
            found |= Encoding.UTF8.GetString(message.Body.Span).Contains(text, StringComparison.Ordinal);
        }

        foreach (var tag in tags)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true);
        }

        return found;
    }
}
