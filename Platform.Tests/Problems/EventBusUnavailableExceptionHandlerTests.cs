using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Platform.Api.Problems;

namespace Platform.Tests.Problems;

/// <summary>Which failures are RabbitMQ being briefly away (503, try again), and which are not (500).</summary>
public sealed class EventBusUnavailableExceptionHandlerTests
{
    private static readonly ShutdownEventArgs BrokerStopped = new(ShutdownInitiator.Peer, 320, "CONNECTION_FORCED - broker forced connection closure");
    private static readonly ShutdownEventArgs ConnectionLost = new(ShutdownInitiator.Library, 541, "Unexpected Exception");
    private static readonly ShutdownEventArgs ExchangeMissing = new(ShutdownInitiator.Peer, 404, "NOT_FOUND - no exchange 'platform.events'");
    private static readonly ShutdownEventArgs AccessRefused = new(ShutdownInitiator.Peer, 403, "ACCESS_REFUSED");

    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "channel closed with the connection", new AlreadyClosedException(BrokerStopped), true },
        { "interrupted while waiting for the broker", new OperationInterruptedException(BrokerStopped), true },
        { "connection lost", new AlreadyClosedException(ConnectionLost), true },
        { "exchange missing (404)", new OperationInterruptedException(ExchangeMissing), false },
        { "access refused (403)", new AlreadyClosedException(AccessRefused), false },
        { "broker unreachable", new BrokerUnreachableException(new IOException("connection refused")), true },
        { "negative confirm", new PublishException(7, isReturn: false), true },
        { "returned: no queue bound", new PublishException(7, isReturn: true), false },
        { "a bug", new InvalidOperationException("not the broker"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void OnlyTransientBrokerFailuresCountAsTheEventBusBeingAway(string failure, Exception exception, bool transient)
    {
        Assert.True(EventBusUnavailableExceptionHandler.IsTransientBrokerFailure(exception) == transient, failure);
    }
}
