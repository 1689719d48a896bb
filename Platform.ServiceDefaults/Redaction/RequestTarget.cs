using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Redaction;

/// <summary>
/// A request's target as logs and traces may show it: the path, never the query string. Clients put
/// credentials in query strings (<c>?access_token=pls_…</c>) whatever the API says, and a query's
/// keys can be as secret as its values, so the whole query is replaced by one mask.
/// </summary>
public static class RequestTarget
{
    public const string RedactedQuery = "?" + MaskingRedactor.Mask;

    public static string Redact(QueryString query) => query.HasValue && query.Value!.Length > 1 ? RedactedQuery : "";

    public static string Describe(PathString pathBase, PathString path, QueryString query) =>
        pathBase.Add(path).ToUriComponent() + Redact(query);
}
