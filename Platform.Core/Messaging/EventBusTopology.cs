using RabbitMQ.Client;

namespace Platform.Core.Messaging;

/// <summary>
/// The RabbitMQ topology every publisher and consumer relies on. Declaring is idempotent, so each
/// service declares it at start and none depends on another having started first.
/// </summary>
public static class EventBusTopology
{
    /// <summary>Topic exchange that every platform event is published to.</summary>
    public const string EventsExchange = "platform.events";

    /// <summary>Direct exchange that receives messages a queue gave up on, routed by the queue's name.</summary>
    public const string DeadLetterExchange = "platform.dead-letter";

    public const string UplinkReceivedRoutingKey = "uplink.received";

    /// <summary>Raw uplinks on their way to decoding and storage.</summary>
    public static readonly WorkQueue StoreUplinks = new("uplinks.store", [UplinkReceivedRoutingKey]);

    public static IReadOnlyList<WorkQueue> WorkQueues { get; } = [StoreUplinks];

    public static async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);

        foreach (var queue in WorkQueues)
        {
            await DeclareWorkQueueAsync(channel, queue, cancellationToken);
        }
    }

    public static async Task DeclareWorkQueueAsync(IChannel channel, WorkQueue queue, CancellationToken cancellationToken)
    {
        // Quorum queues are replicated and survive a node loss; at-least-once dead-lettering (which
        // needs reject-publish overflow) guarantees a message given up on reaches its dead-letter
        // queue instead of vanishing when that queue is briefly unavailable.
        var arguments = new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-dead-letter-exchange"] = DeadLetterExchange,
            ["x-dead-letter-routing-key"] = queue.Name,
            ["x-dead-letter-strategy"] = "at-least-once",
            ["x-overflow"] = "reject-publish",
            ["x-delivery-limit"] = queue.DeliveryLimit,
        };
        await channel.QueueDeclareAsync(queue.Name, durable: true, exclusive: false, autoDelete: false, arguments,
            cancellationToken: cancellationToken);
        foreach (var routingKey in queue.RoutingKeys)
        {
            await channel.QueueBindAsync(queue.Name, EventsExchange, routingKey, cancellationToken: cancellationToken);
        }

        await channel.QueueDeclareAsync(queue.DeadLetterQueueName, durable: true, exclusive: false, autoDelete: false,
            new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.DeadLetterQueueName, DeadLetterExchange, queue.Name,
            cancellationToken: cancellationToken);
    }
}
