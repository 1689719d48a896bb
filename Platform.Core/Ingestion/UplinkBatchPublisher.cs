using System.Text.Json;
using Platform.Core.Messaging;
using RabbitMQ.Client;

namespace Platform.Core.Ingestion;

/// <summary>
/// Publishes <see cref="UplinkBatch"/>es to the event bus and completes only when RabbitMQ has
/// confirmed the batch is stored in its queue: the caller may then, and only then, let go of the
/// messages (acknowledge MQTT, mark a replay done). Mandatory routing turns "no queue bound yet"
/// into an error instead of a silent drop. Safe for many concurrent publishes.
/// </summary>
public sealed class UplinkBatchPublisher(IConnection connection) : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _channelLock = new(1, 1);
    private IChannel? _channel;

    public async Task PublishAsync(UplinkBatch batch, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(batch, IngestionJsonContext.Default.UplinkBatch);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            Type = EventBusTopology.UplinkReceivedRoutingKey,
            MessageId = Guid.CreateVersion7().ToString(),
        };
        var channel = await ChannelAsync(cancellationToken);
        try
        {
            // Completes on the broker's confirm; throws PublishException on a nack or a return.
            await channel.BasicPublishAsync(EventBusTopology.EventsExchange, EventBusTopology.UplinkReceivedRoutingKey,
                mandatory: true, properties, body, cancellationToken);
        }
        catch (Exception) when (!channel.IsOpen)
        {
            // The next publish opens a fresh channel; this one is not coming back.
            await ForgetAsync(channel);
            throw;
        }
    }

    private async ValueTask<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await _channelLock.WaitAsync(cancellationToken);
        try
        {
            if (_channel is not { IsOpen: true })
            {
                if (_channel is not null)
                {
                    await _channel.DisposeAsync();
                }

                _channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                    cancellationToken);
            }

            return _channel;
        }
        finally
        {
            _channelLock.Release();
        }
    }

    private async Task ForgetAsync(IChannel channel)
    {
        await _channelLock.WaitAsync();
        try
        {
            if (ReferenceEquals(_channel, channel))
            {
                _channel = null;
                await channel.DisposeAsync();
            }
        }
        finally
        {
            _channelLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            // Closing waits for the broker; a shutdown must not hang on a broker that is away.
            // Whatever was not confirmed is still unacknowledged upstream and will be sent again.
            // The connection may have been disposed first at shutdown, taking its channels with it.
            try
            {
                await _channel.CloseAsync().WaitAsync(CloseTimeout);
            }
            catch (Exception exception) when (exception is TimeoutException or RabbitMQ.Client.Exceptions.AlreadyClosedException
                                                  or ObjectDisposedException)
            {
            }

            _channel.Dispose();
        }

        _channelLock.Dispose();
    }
}
