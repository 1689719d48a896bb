using Platform.Api.Problems;

namespace Platform.Api.Requests;

/// <summary>
/// Refuses, before anything else looks at a request, input that must never reach an endpoint (400
/// naming the field, ProblemDetails of type <c>validation</c>):
/// <list type="bullet">
/// <item>a route parameter repeated in the query string or as a top-level property of the JSON
/// body. The route's values are the only source of its parameters: the tenant middleware authorizes
/// the route's <c>{tenantId}</c>, while FastEndpoints binds query values after route values, so a
/// <c>?tenantId=</c> would otherwise redirect the handler to another tenant;</item>
/// <item>text PostgreSQL cannot store (NUL, an unpaired surrogate, invalid UTF-8) in any query
/// parameter or any string of the JSON body;</item>
/// <item>any query string on a route whose secrets travel in the body only (<see cref="SecretsInBodyOnly"/>).</item>
/// </list>
/// </summary>
/// <remarks>
/// One middleware for every route, so that a new endpoint is covered without doing anything. JSON
/// bodies of this API are small; the body is buffered once and rewound for the endpoint.
/// </remarks>
internal sealed class RequestInputGuard(RequestDelegate next)
{
    public static string RepeatedReason(string parameter) =>
        $"'{parameter}' is a route parameter: it is taken from the route only and must not be repeated in the query string or the body.";

    public async Task InvokeAsync(HttpContext http)
    {
        var routeParameters = http.Request.RouteValues.Keys.ToList();
        var refusal = SecretInQueryProblem(http)
            ?? QueryProblem(http.Request.QueryString.Value, routeParameters)
            ?? await BodyProblemAsync(http.Request, routeParameters);
        if (refusal is not null)
        {
            await ApiProblems.Invalid(refusal.Field, refusal.Reason).ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    /// <summary>Names the first query parameter of a body-only route, whatever it is (its value is not repeated).</summary>
    private static JsonBodyScan.Finding? SecretInQueryProblem(HttpContext http) =>
        http.Request.QueryString.HasValue && http.GetEndpoint()?.Metadata.GetMetadata<SecretsInBodyOnly>() is not null
            ? new JsonBodyScan.Finding(QueryStringText.Parameters(http.Request.QueryString.Value).Select(p => p.RawName).FirstOrDefault() ?? "query",
                "This route takes its input in the body only: a password, code or link secret must never be part of a URL.")
            : null;

    private static JsonBodyScan.Finding? QueryProblem(string? rawQuery, IReadOnlyCollection<string> routeParameters)
    {
        foreach (var (rawName, name, value) in QueryStringText.Parameters(rawQuery))
        {
            if (name is null)
            {
                return new JsonBodyScan.Finding(rawName, TextRules.NotUtf8);
            }

            var problem = TextRules.Problem(name) ?? (value is null ? TextRules.NotUtf8 : TextRules.Problem(value));
            if (problem is not null)
            {
                return new JsonBodyScan.Finding(name, problem);
            }

            if (routeParameters.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return new JsonBodyScan.Finding(name, RepeatedReason(name));
            }
        }

        return null;
    }

    private static async Task<JsonBodyScan.Finding?> BodyProblemAsync(HttpRequest request, IReadOnlyCollection<string> routeParameters)
    {
        if (!IsJson(request.ContentType))
        {
            return null;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return JsonBodyScan.FirstProblem(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), routeParameters);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
