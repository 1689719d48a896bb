using System.Net;
using System.Net.Http.Json;

namespace Platform.Web.PlatformApi;

/// <summary>
/// What the web app shows of an API refusal: the ProblemDetails' title and its field errors, as
/// text for people. Never the detail or anything else of the body (it is no page's business to
/// show a server's internals).
/// </summary>
public sealed record ApiProblem(HttpStatusCode Status, string? Type, string Title, IReadOnlyDictionary<string, string[]> Errors)
{
    private const string Unexplained = "The platform could not handle this request. Please try again in a moment.";

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    /// <summary>Whether the type is the given one of the API's stable problem types (<c>…/problems/{name}</c>).</summary>
    public bool IsOfType(string name) => Type is not null && Type.EndsWith("/" + name, StringComparison.Ordinal);

    /// <summary>The messages about one field (case-insensitive name, as the API's JSON spells it).</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        Errors.Where(error => string.Equals(error.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(error => error.Value).ToList();

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Body? body = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                body = await response.Content.ReadFromJsonAsync<Body>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        var title = body?.Title is { Length: > 0 } given && (int)response.StatusCode < 500 ? given : Unexplained;
        return new ApiProblem(response.StatusCode, body?.Type, title, body?.Errors ?? new Dictionary<string, string[]>());
    }

    private sealed record Body(string? Type, string? Title, Dictionary<string, string[]>? Errors);
}
