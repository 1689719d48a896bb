namespace Platform.Api.Requests;

/// <summary>
/// Headers on every answer of the API, whoever writes it (an endpoint, the exception handler, the
/// status-code pages): <c>Cache-Control: no-store</c>, since answers carry credentials (tokens,
/// login) or tenant data that no browser or proxy should keep, and the API has no answer worth
/// caching; <c>X-Content-Type-Options: nosniff</c>, so a browser never reads an answer as another type.
/// </summary>
/// <remarks>Set when the answer starts: the exception handler clears the headers of a failed answer.</remarks>
internal sealed class ResponseHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        }, http);
        return next(http);
    }
}
