using Microsoft.AspNetCore.Diagnostics;
using RabbitMQ.Client.Exceptions;

namespace Platform.Api.Problems;

/// <summary>
/// A request that fails because RabbitMQ is briefly away (restart, lost connection, a negative
/// confirm) answers 503 with <c>Retry-After</c> and a ProblemDetails body, like a database outage:
/// the publish happens inside the request's transaction, so nothing was recorded and the caller may
/// try again (a replay that did reach the queue is stored once). A returned message (no queue bound)
/// is a setup fault, not an outage, and stays a 500.
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
            if (current is OperationInterruptedException or BrokerUnreachableException or ConnectFailureException
                or PublishException { IsReturn: false })
            {
                return true;
            }
        }

        return false;
    }
}
