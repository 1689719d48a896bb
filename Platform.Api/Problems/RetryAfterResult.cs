using System.Globalization;

namespace Platform.Api.Problems;

/// <summary>An answer with a <c>Retry-After</c> header, so that services deep in a request can return a complete 429 without the HttpContext.</summary>
internal sealed class RetryAfterResult(IResult inner, int seconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
