using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Platform.Api.Problems;

/// <summary>
/// A request that fails because the database is briefly away (restart, failover, a dead pooled
/// connection) answers 503 with <c>Retry-After</c> and a ProblemDetails body: the caller may safely
/// try again, since the change and its audit record were one transaction that did not commit. Other
/// exceptions are left to the default handler (a 500 ProblemDetails without details).
/// </summary>
public sealed class DatabaseUnavailableExceptionHandler : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransientDatabaseFailure(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        await ApiProblems.ServiceUnavailable("The database is briefly unavailable; try again.", RetryAfterSeconds).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>Whether the exception, or one it wraps (EF Core wraps them), is a transient Npgsql failure.</summary>
    public static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
