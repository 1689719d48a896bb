using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

/// <summary>
/// What every answer of the API carries, whatever the route and whoever asks (every operation of the
/// OpenAPI document, anonymous and signed in): <c>Cache-Control: no-store</c> and
/// <c>X-Content-Type-Options: nosniff</c>, no <c>Server</c> header; and the answers ASP.NET writes on
/// its own (401, an unknown path's 404, a wrong method's 405) are ProblemDetails with stable types.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class ResponseHardeningTests(PlatformAppFixture fixture)
{
    private const string Problems = "https://platform.example/problems/";
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAnswerOfEveryRouteIsNotStoredNotSniffedAndDoesNotNameTheServer()
    {
        // Arrange
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var admin = await seeder.CreateUserAsync(tenant, TenantRole.Admin);
        using var signedIn = await seeder.LoginAsync(admin);
        using var anonymous = fixture.CreateApiClient();
        var values = new Dictionary<string, string> { ["tenantId"] = tenant.ToString() };
        var operations = await OpenApiOperations.ReadAsync(fixture);

        // Act
        var cases = 0;
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var (who, http) in new[] { ("anonymous", anonymous), ("signed in", signedIn) })
            {
                cases++;
                using var response = await SendAsync(http, operation.Method, operation.Path(values), operation.HasBody);
                failures.AddRange(HeaderFailures(response).Select(failure => $"{operation} ({who}, {(int)response.StatusCode}): {failure}"));
            }
        }

        // Assert
        Assert.True(cases > 150, $"only {cases} cases generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task AnonymousCallsOfSignedInRoutesAnswerAnUnauthenticatedProblem()
    {
        using var anonymous = fixture.CreateApiClient();
        var operations = await OpenApiOperations.ReadAsync(fixture);

        var failures = new List<string>();
        var unauthorized = 0;
        foreach (var operation in operations)
        {
            using var response = await SendAsync(anonymous, operation.Method, operation.Path(new Dictionary<string, string>()), operation.HasBody);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                unauthorized++;
                failures.AddRange((await ProblemFailuresAsync(response, Problems + "unauthenticated")).Select(failure => $"{operation}: {failure}"));
            }
        }

        Assert.True(unauthorized > 50, $"only {unauthorized} routes answered 401");
        Assert.True(failures.Count == 0, $"{failures.Count} of {unauthorized} cases failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task AMethodARouteDoesNotTakeAnswersAMethodNotAllowedProblem()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var admin = await seeder.CreateUserAsync(tenant, TenantRole.Admin);
        using var http = await seeder.LoginAsync(admin);
        var values = new Dictionary<string, string> { ["tenantId"] = tenant.ToString() };
        var operations = await OpenApiOperations.ReadAsync(fixture);

        var cases = 0;
        var failures = new List<string>();
        foreach (var template in operations.GroupBy(operation => operation.Template))
        {
            // A method no route takes on this path (another template may take it: /decoders/test is also /decoders/{decoderId}).
            var path = template.First().Path(values);
            var method = Methods.FirstOrDefault(candidate => !operations.Any(operation => operation.Method == candidate && operation.Matches(path)));
            if (method is null)
            {
                continue;
            }

            cases++;
            using var response = await SendAsync(http, method, path, hasBody: false);
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                failures.Add($"{method} {template.Key}: {(int)response.StatusCode}");
                continue;
            }

            failures.AddRange((await ProblemFailuresAsync(response, Problems + "method-not-allowed")).Select(failure => $"{method} {template.Key}: {failure}"));
            failures.AddRange(HeaderFailures(response).Select(failure => $"{method} {template.Key}: {failure}"));
        }

        Assert.True(cases > 40, $"only {cases} cases generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/api/tenants/not-a-guid/organizations/x/y/z")]
    [InlineData("/nothing-here")]
    public async Task AnUnknownPathAnswersANotFoundProblem(string path)
    {
        using var anonymous = fixture.CreateApiClient();

        using var response = await anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await ProblemFailuresAsync(response, Problems + "not-found"));
        Assert.Empty(HeaderFailures(response));
    }

    [Fact]
    public async Task StatusShowsTheBuildVersionOnlyToPlatformAdmins()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var member = await seeder.CreateUserAsync(tenant, TenantRole.Admin);
        using var anonymous = fixture.CreateApiClient();
        using var asMember = await seeder.LoginAsync(member);
        using var asPlatformAdmin = await seeder.LoginAsPlatformAdminAsync();

        var toAnonymous = await anonymous.GetFromJsonAsync<JsonObject>("/api/status", Ct);
        var toMember = await asMember.GetFromJsonAsync<JsonObject>("/api/status", Ct);
        var toPlatformAdmin = await asPlatformAdmin.GetFromJsonAsync<JsonObject>("/api/status", Ct);

        Assert.Null(toAnonymous!["version"]);
        Assert.Null(toMember!["version"]);
        Assert.False(string.IsNullOrWhiteSpace(toPlatformAdmin!["version"]?.GetValue<string>()));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path, bool hasBody)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (hasBody)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, Ct);
    }

    private static IEnumerable<string> HeaderFailures(HttpResponseMessage response)
    {
        if (response.Headers.CacheControl?.NoStore != true)
        {
            yield return $"Cache-Control is '{response.Headers.CacheControl}'";
        }

        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing) || !sniffing.SequenceEqual(["nosniff"]))
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (response.Headers.Server.Count > 0)
        {
            yield return $"Server: {response.Headers.Server}";
        }
    }

    private static async Task<IEnumerable<string>> ProblemFailuresAsync(HttpResponseMessage response, string type)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return [$"content type '{response.Content.Headers.ContentType}'"];
        }

        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        return problem?["type"]?.GetValue<string>() == type && problem["status"]?.GetValue<int>() == (int)response.StatusCode
            ? []
            : [$"problem {problem?.ToJsonString()}"];
    }
}
