using RabbitMQ.Client;

namespace Platform.Core.Messaging;

/// <summary>How many messages wait in a work queue's dead-letter queue, read without taking any.</summary>
public static class DeadLetterQueueDepth
{
    public static async Task<uint> ReadAsync(IConnection connection, WorkQueue queue, CancellationToken cancellationToken)
    {
        // A passive declare fails if the queue is missing and otherwise reports its ready messages.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var declared = await channel.QueueDeclarePassiveAsync(queue.DeadLetterQueueName, cancellationToken);
        return declared.MessageCount;
    }
}
