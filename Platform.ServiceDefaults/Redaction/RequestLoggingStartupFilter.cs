using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Redaction;

/// <summary>
/// Logs one line per request, with its target as <see cref="RequestTarget"/> shows it, in place of
/// ASP.NET Core's hosting log (silenced by <see cref="RedactionExtensions"/>), which writes the full
/// URL with its query string. Placed first in the pipeline so every answer is logged, refusals too.
/// </summary>
internal sealed partial class RequestLoggingStartupFilter(ILoggerFactory loggerFactory) : IStartupFilter
{
    public const string Category = "Platform.Requests";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var started = Stopwatch.GetTimestamp();
            var request = context.Request;
            var target = RequestTarget.Describe(request.PathBase, request.Path, request.QueryString);
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                LogRequestFinished(_logger, request.Protocol, request.Method, target, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        next(app);
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Request finished {Protocol} {Method} {Target} - {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogRequestFinished(ILogger logger, string protocol, string method, string target, int statusCode, double elapsedMilliseconds);
}
