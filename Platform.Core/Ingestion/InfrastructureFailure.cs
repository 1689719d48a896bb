using System.Net.Sockets;
using MQTTnet.Exceptions;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace Platform.Core.Ingestion;

/// <summary>
/// Tells a failure of the database or a broker, which passes and is worth waiting out, from a fault
/// that one message brings about (bad data for a query, a bug on an input nobody foresaw), which
/// would fail the same way on every retry and hold up every message behind it.
/// </summary>
public static class InfrastructureFailure
{
    /// <summary>PostgreSQL's SQLSTATE class "data exception": a value of the query, so of the message.</summary>
    private const string DataException = "22";

    /// <summary>Class "integrity constraint violation": the row the message makes, not the server.</summary>
    private const string IntegrityViolation = "23";

    public static bool Is(Exception exception) => exception switch
    {
        PostgresException postgres => !postgres.SqlState.StartsWith(DataException, StringComparison.Ordinal)
            && !postgres.SqlState.StartsWith(IntegrityViolation, StringComparison.Ordinal),
        // Without a server error: the connection, the pool, a timeout, the protocol.
        NpgsqlException => true,
        SocketException or TimeoutException => true,
        // RabbitMQ: unreachable, connection or channel closed, operation interrupted by a close.
        BrokerUnreachableException or OperationInterruptedException or ConnectFailureException => true,
        MqttCommunicationException => true,
        // A cancellation that is not the host's stopping (which the caller handles): a timeout by another name.
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        // Wrappers such as EF Core's "transient failure" InvalidOperationException carry the cause inside.
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
