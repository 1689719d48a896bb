using Platform.Core.Messaging;
using Platform.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Platform.Tests.Messaging;

[Collection(PlatformAppCollection.Name)]
public sealed class EventBusTopologyTests(PlatformAppFixture fixture)
{
    [Fact]
    public async Task WorkQueuesAndTheirDeadLetterQueuesAreDeclaredDurableQuorumQueues()
    {
        var factory = new ConnectionFactory { Uri = new Uri((await fixture.ConnectionStringAsync("eventbus"))!) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);

        foreach (var queue in EventBusTopology.WorkQueues)
        {
            // Redeclaring with the same arguments succeeds only if the queue exists exactly so
            // (durable quorum queue, dead-lettering to the DLX); any difference is a 406 error.
            await EventBusTopology.DeclareAsync(channel, TestContext.Current.CancellationToken);
            await channel.QueueDeclarePassiveAsync(queue.Name, TestContext.Current.CancellationToken);
            await channel.QueueDeclarePassiveAsync(queue.DeadLetterQueueName, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task AMessageRejectedByItsConsumerEndsInTheDeadLetterQueue()
    {
        var factory = new ConnectionFactory { Uri = new Uri((await fixture.ConnectionStringAsync("eventbus"))!) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var queue = new WorkQueue("test.rejects." + Guid.NewGuid().ToString("N")[..8], ["test.rejected." + Guid.NewGuid().ToString("N")], DeliveryLimit: 2);
        await EventBusTopology.DeclareWorkQueueAsync(channel, queue, ct);

        try
        {
            var body = Guid.NewGuid().ToByteArray();
            await channel.BasicPublishAsync(EventBusTopology.EventsExchange, queue.RoutingKeys[0], mandatory: true,
                new BasicProperties { Persistent = true }, body, ct);

            // Rejected with requeue until the delivery limit is used up; then the DLX takes it.
            BasicGetResult? deadLettered = null;
            for (var attempt = 0; attempt < 200 && deadLettered is null; attempt++)
            {
                var delivery = await channel.BasicGetAsync(queue.Name, autoAck: false, ct);
                if (delivery is not null)
                {
                    await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: true, ct);
                }

                deadLettered = await channel.BasicGetAsync(queue.DeadLetterQueueName, autoAck: true, ct);
                if (deadLettered is null)
                {
                    await Task.Delay(50, ct);
                }
            }

            Assert.NotNull(deadLettered);
            Assert.Equal(body, deadLettered.Body.ToArray());
        }
        finally
        {
            await channel.QueueDeleteAsync(queue.Name, cancellationToken: ct);
            await channel.QueueDeleteAsync(queue.DeadLetterQueueName, cancellationToken: ct);
        }
    }
}
