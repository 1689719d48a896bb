using Aspire.Hosting.Testing;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Web;

[Collection(PlatformAppCollection.Name)]
public sealed class HomePageTests(PlatformAppFixture fixture)
{
    [Fact]
    public async Task HomePageShowsTheApiStatusReachedThroughServiceDiscovery()
    {
        using var http = fixture.App.CreateHttpClient("platform-web", "http");

        // Streaming rendering: the finished page arrives in the same response once the API answered.
        var html = await http.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"overall-status\">Healthy<", html);
        Assert.Contains("<td>postgres</td>", html);
        Assert.Contains("<td>rabbitmq</td>", html);
    }
}
