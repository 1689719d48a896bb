using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Platform.Core.Identity;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Redaction;

/// <summary>
/// Clients put credentials in query strings whatever the API documents (<c>GET /api/me?access_token=pls_…</c>).
/// Every service of the stack is called with generated secret-looking query values, as values and
/// as keys, on paths that answer, refuse and do not exist; afterwards no resource's log may carry
/// any of them, while each request is still logged by its path.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class QueryStringLeakTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Services = ["platform-api", "platform-web", "platform-ingestion", "platform-workers", "platform-simulator"];

    private static readonly string[] Paths = ["/api/me", "/api/status", "/api/tenants", "/no-such-path", "/alive"];

    [Fact]
    public async Task NoServiceLogsAQueryStringItWasCalledWith()
    {
        var secrets = new List<string>();
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        foreach (var service in Services)
        {
            using var http = service == "platform-api" ? fixture.CreateApiClient() : fixture.App.CreateHttpClient(service, "http");
            foreach (var path in Paths)
            {
                foreach (var query in QueriesOf(secrets))
                {
                    using var response = await http.GetAsync($"{path}?{query}", Ct);
                    Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                }
            }

            // The last request of each service: when its line is in, all of that service's are.
            using (await http.GetAsync($"/{marker}-{service}", Ct))
            {
            }
        }

        foreach (var service in Services)
        {
            Assert.True(await fixture.WaitForLogAsync(service, $"/{marker}-{service}", Ct), $"{service} never logged the marker request.");
        }

        var lines = fixture.Logs.Select(entry => $"{entry.Resource}: {entry.Line.Content}").ToList();
        var leaks = (from line in lines
                     from secret in secrets
                     where line.Contains(secret, StringComparison.Ordinal)
                     select $"secret {secret[..6]}… in: {line}").ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines carry one of the {secrets.Count} query secrets:\n" + string.Join('\n', leaks.Take(20)));
        // The requests are still logged, by their path.
        Assert.Contains(lines, line => line.StartsWith("platform-api: ", StringComparison.Ordinal) && line.Contains("/api/me", StringComparison.Ordinal));
    }

    /// <summary>Fresh values per request: a credential as a value, as a bare key, among other parameters.</summary>
    private static IEnumerable<string> QueriesOf(List<string> secrets)
    {
        string Fresh(string prefix)
        {
            var secret = prefix + Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
            secrets.Add(secret);
            return secret;
        }

        yield return $"access_token={Fresh(OpaqueToken.SessionPrefix)}";
        yield return $"x={Fresh("q")}";
        yield return Fresh(OpaqueToken.SessionPrefix);
        yield return $"page=1&token={Uri.EscapeDataString(Fresh("t"))}&sort=name";
        yield return $"{Fresh("k")}={Fresh("v")}";
    }
}
