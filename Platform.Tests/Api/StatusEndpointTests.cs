using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

[Collection(PlatformAppCollection.Name)]
public sealed class StatusEndpointTests(PlatformAppFixture fixture)
{
    [Fact]
    public async Task StatusReportsHealthyDependenciesButNoVersionToAnonymousCallers()
    {
        using var http = fixture.App.CreateHttpClient("platform-api", "http");

        var status = await http.GetFromJsonAsync<JsonObject>("/api/status", TestContext.Current.CancellationToken);

        // The build version names the commit: for platform admins only (ResponseHardeningTests).
        Assert.Null(status!["version"]);
        Assert.Equal("Healthy", status["status"]?.GetValue<string>());
        var dependencies = status["dependencies"]!.AsArray()
            .ToDictionary(d => d!["name"]!.GetValue<string>(), d => d!["status"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string> { ["postgres"] = "Healthy", ["rabbitmq"] = "Healthy" }, dependencies);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheStatusRoute()
    {
        using var http = fixture.App.CreateHttpClient("platform-api", "http");

        var document = await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.StartsWith("3.", document!["openapi"]!.GetValue<string>());
        Assert.NotNull(document["paths"]?["/api/status"]?["get"]);
    }

    [Fact]
    public async Task ScalarServesTheInteractiveDocumentation()
    {
        using var http = fixture.App.CreateHttpClient("platform-api", "http");

        using var response = await http.GetAsync("/scalar/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
