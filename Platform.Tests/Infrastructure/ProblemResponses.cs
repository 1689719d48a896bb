using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.Tests.Infrastructure;

public static class ProblemResponses
{
    /// <summary>The fields a validation problem names: the API lists them as <c>errors: [{ name, reason }]</c>.</summary>
    public static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return problem!["errors"]!.AsArray().Select(error => error!["name"]!.GetValue<string>()).ToList();
    }
}
