using System.Net.Sockets;
using System.Text.Json;
using MQTTnet.Exceptions;
using Npgsql;
using Platform.Core.Ingestion;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Platform.Tests.Ingestion;

public sealed class InfrastructureFailureTests
{
    // SQLSTATE classes PostgreSQL reports for a server, connection or configuration in trouble.
    private static readonly string[] InfrastructureStates =
        ["08006", "08001", "53300", "53100", "57P01", "57P03", "57014", "58030", "40001", "40P01", "42501", "3D000", "28P01", "XX000"];

    // Classes a value of the query causes: "data exception" and "integrity constraint violation".
    private static readonly string[] MessageStates = ["22021", "22P05", "22001", "22003", "22007", "23505", "23502"];

    private static readonly Dictionary<string, (Func<Exception> Create, bool Infrastructure)> Cases = new()
    {
        ["a connection failure without a server error"] = (() => new NpgsqlException("Failed to connect", new SocketException(111)), true),
        ["an Npgsql timeout"] = (() => new NpgsqlException("Exception while reading from stream", new TimeoutException()), true),
        ["a bare NpgsqlException"] = (() => new NpgsqlException("The connection pool has been exhausted"), true),
        ["a socket error"] = (() => new SocketException((int)SocketError.ConnectionRefused), true),
        ["a timeout"] = (() => new TimeoutException(), true),
        ["RabbitMQ unreachable"] = (() => new BrokerUnreachableException(new SocketException(111)), true),
        ["a RabbitMQ channel already closed"] = (() => new AlreadyClosedException(
            new ShutdownEventArgs(ShutdownInitiator.Peer, 320, "CONNECTION_FORCED", (object?)null, CancellationToken.None)), true),
        ["a RabbitMQ operation interrupted"] = (() => new OperationInterruptedException(), true),
        ["an MQTT communication failure"] = (() => new MqttCommunicationException("The connection is closed"), true),
        ["a cancellation that is not the host stopping"] = (() => new TaskCanceledException(), true),
        ["EF Core's transient-failure wrapper"] = (() => new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while connecting", new SocketException(111))), true),
        ["an aggregate of infrastructure failures"] = (() => new AggregateException(new TimeoutException(), new SocketException(104)), true),

        ["a null reference"] = (() => new NullReferenceException(), false),
        ["an argument null"] = (() => new ArgumentNullException("source"), false),
        ["an argument out of range"] = (() => new ArgumentOutOfRangeException("index"), false),
        ["an invalid operation without a cause"] = (() => new InvalidOperationException("Sequence contains no elements"), false),
        ["a format error"] = (() => new FormatException(), false),
        ["an overflow"] = (() => new OverflowException(), false),
        ["a JSON error"] = (() => new JsonException("bad"), false),
        ["a key not found"] = (() => new KeyNotFoundException(), false),
        ["an index out of range"] = (() => new IndexOutOfRangeException(), false),
        ["an encoder fallback (a lone surrogate sent to PostgreSQL)"] = (() => new System.Text.EncoderFallbackException(), false),
        ["an aggregate with one message fault"] = (() => new AggregateException(new TimeoutException(), new NullReferenceException()), false),
        ["an empty aggregate"] = (() => new AggregateException(), false),
    };

    public static TheoryData<string> Names() => new(Cases.Keys
        .Concat(InfrastructureStates.Select(state => $"PostgreSQL error {state}"))
        .Concat(MessageStates.Select(state => $"PostgreSQL error {state}")));

    [Theory]
    [MemberData(nameof(Names))]
    public void AFailureIsRetriedOnlyWhenItIsTheInfrastructures(string name)
    {
        var (exception, expected) = name.StartsWith("PostgreSQL error ", StringComparison.Ordinal)
            ? PostgresCase(name["PostgreSQL error ".Length..])
            : (Cases[name].Create(), Cases[name].Infrastructure);

        Assert.Equal(expected, InfrastructureFailure.Is(exception));
    }

    private static (Exception, bool) PostgresCase(string state) =>
        (new PostgresException("error", "ERROR", "ERROR", state), InfrastructureStates.Contains(state));
}
