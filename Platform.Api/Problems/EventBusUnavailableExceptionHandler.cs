using Microsoft.AspNetCore.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Platform.Api.Problems;

/// <summary>
/// A request that fails because RabbitMQ is briefly away (restart, lost connection, a negative
/// confirm) answers 503 with <c>Retry-After</c> and a ProblemDetails body, like a database outage:
/// the publish happens inside the request's transaction, so nothing was recorded and the caller may
/// try again (a replay that did reach the queue is stored once). A returned message (no queue bound)
/// or a channel the broker closed for what the client did is a setup fault, not an outage, and
/// stays a 500.
/// </summary>
public sealed class EventBusUnavailableExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransientBrokerFailure(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        await ApiProblems.ServiceUnavailable("The event bus is briefly unavailable; try again.",
            DatabaseUnavailableExceptionHandler.RetryAfterSeconds).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>Whether the exception, or one it wraps, says the broker is away for now.</summary>
    public static bool IsTransientBrokerFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case OperationInterruptedException interrupted:
                    return IsOutage(interrupted.ShutdownReason);
                case BrokerUnreachableException or ConnectFailureException or PublishException { IsReturn: false }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A closed channel or connection is an outage when the link was lost (the client library closed
    /// it) or the broker went away (320 connection-forced, 506 resource-error, 541 internal-error);
    /// a close for what the client did (403 access-refused, 404 not-found, 406 precondition-failed, …)
    /// would fail the same way on every retry.
    /// </summary>
    private static bool IsOutage(ShutdownEventArgs? reason) =>
        reason is null || reason.Initiator != ShutdownInitiator.Peer || reason.ReplyCode is 320 or 506 or 541;
}
