namespace Platform.Core.Messaging;

/// <summary>A queue that workers consume, bound to the events exchange by the routing keys it handles.</summary>
/// <param name="Name">Queue name; its dead-letter queue is <c>{Name}.dead-letter</c>.</param>
/// <param name="RoutingKeys">Routing keys of the events exchange that land in this queue.</param>
/// <param name="DeliveryLimit">Deliveries (first one included) before a message is dead-lettered.</param>
public sealed record WorkQueue(string Name, IReadOnlyList<string> RoutingKeys, int DeliveryLimit = 10)
{
    public string DeadLetterQueueName => Name + ".dead-letter";
}
