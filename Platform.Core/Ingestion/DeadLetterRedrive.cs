using Platform.Core.Messaging;
using RabbitMQ.Client;

namespace Platform.Core.Ingestion;

/// <summary>
/// Moves the messages of the uplink dead-letter queue back to the storage's queue, for a platform
/// admin once the cause of the failures is gone. Each message is taken off the dead-letter queue
/// only after the broker confirmed its copy on the events exchange, so a failure in between leaves
/// it where it was (at worst in both places, which the storage's idempotent write absorbs). What
/// the storage still cannot take comes back to the dead-letter queue, and its uplinks are (again)
/// stored as StorageFailed rejections: a redrive never loses anything.
/// </summary>
public sealed class DeadLetterRedrive(IConnection connection)
{
    /// <summary>Messages moved by one request at most, so a request ends in bounded time.</summary>
    public const int MaxMessagesPerRedrive = 10_000;

    public async Task<DeadLetterRedriveResult> RedriveAsync(CancellationToken cancellationToken)
    {
        var queue = EventBusTopology.StoreUplinks;
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // Only what is there now: what the storage dead-letters again meanwhile waits for the next redrive.
        var waiting = (await channel.QueueDeclarePassiveAsync(queue.DeadLetterQueueName, cancellationToken)).MessageCount;
        var moved = 0;
        while (moved < Math.Min(waiting, MaxMessagesPerRedrive)
               && await channel.BasicGetAsync(queue.DeadLetterQueueName, autoAck: false, cancellationToken) is { } message)
        {
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = message.BasicProperties.ContentType,
                Type = message.BasicProperties.Type,
                MessageId = message.BasicProperties.MessageId,
            };
            try
            {
                await channel.BasicPublishAsync(EventBusTopology.EventsExchange, EventBusTopology.UplinkReceivedRoutingKey,
                    mandatory: true, properties, message.Body.ToArray(), cancellationToken);
            }
            catch (Exception) when (channel.IsOpen)
            {
                await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                throw;
            }

            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        var remaining = (await channel.QueueDeclarePassiveAsync(queue.DeadLetterQueueName, cancellationToken)).MessageCount;
        return new DeadLetterRedriveResult(queue.DeadLetterQueueName, moved, remaining);
    }
}

/// <param name="Moved">Messages published back to the storage's queue.</param>
/// <param name="Remaining">Messages in the dead-letter queue after the move (dead-lettered again meanwhile, or beyond the limit).</param>
public sealed record DeadLetterRedriveResult(string Queue, int Moved, uint Remaining);
