using System.Text.Json;
using Platform.Core.Devices;
using Platform.Core.Ingestion;
using Platform.Core.Messaging;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Platform.Tests.Storage;

/// <summary>
/// Publishes uplink batches straight to the storage's queue, as the ingestion does (confirmed), for
/// uplinks the parser would judge by today's clock or never let through.
/// </summary>
public sealed class StoreQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private StoreQueue(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<StoreQueue> ConnectAsync(PlatformAppFixture fixture)
    {
        var factory = new ConnectionFactory { Uri = new Uri((await fixture.ConnectionStringAsync("eventbus"))!) };
        var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            TestContext.Current.CancellationToken);
        return new StoreQueue(connection, channel);
    }

    public static AdmittedUplink Uplink(Guid tenant, Guid device, string application, string devEui, string key, DateTimeOffset time,
        byte[]? payload = null) =>
        new(tenant, device, new ParsedUplink(NetworkServerKind.ChirpStack, application, DevEui.Parse(devEui), key, 1, 85,
            payload ?? [0x01, 0x75, 0x10], time, [new GatewayReception("0016c001f153a14c", -90, 7.5)]), DateTimeOffset.UtcNow, null);

    public async Task PublishAsync(UplinkBatch batch) =>
        await _channel.BasicPublishAsync(EventBusTopology.EventsExchange, EventBusTopology.UplinkReceivedRoutingKey, mandatory: true,
            new BasicProperties { Persistent = true }, JsonSerializer.SerializeToUtf8Bytes(batch, IngestionJsonContext.Default.UplinkBatch),
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
