namespace Platform.Ingestion.Pipeline;

/// <summary>
/// One MQTT message taken off the broker and not yet acknowledged.
/// </summary>
/// <param name="Acknowledge">Sends the PUBACK; called only once the message is safe in RabbitMQ.</param>
public sealed record ReceivedMessage(
    string Topic,
    byte[] Payload,
    DateTimeOffset ReceivedAt,
    string? TraceParent,
    Func<CancellationToken, Task> Acknowledge);
