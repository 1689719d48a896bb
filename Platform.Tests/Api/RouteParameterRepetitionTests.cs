using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

/// <summary>
/// A route's parameters come from the route only. Every operation of the API's OpenAPI document with
/// route parameters, called by tenant A's admin on A's routes with each route parameter repeated in the
/// query string (and in the body, where the operation takes one) carrying tenant B's id: each is
/// refused with 400 naming the parameter, and tenant B is unchanged.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class RouteParameterRepetitionTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARouteParameterRepeatedInTheQueryOrBodyIsRefusedOnEveryRoute()
    {
        // Arrange
        var seeder = new TestTenantSeeder(fixture);
        var tenantA = await seeder.CreateTenantAsync();
        var adminA = await seeder.CreateUserAsync(tenantA, TenantRole.Admin);
        var tenantB = await seeder.CreateTenantAsync();
        var adminB = await seeder.CreateUserAsync(tenantB, TenantRole.Admin);
        using var asA = await seeder.LoginAsync(adminA);
        using var asB = await seeder.LoginAsync(adminB);
        var tenantBBefore = await asB.GetStringAsync($"/api/tenants/{tenantB}", Ct);
        var values = new Dictionary<string, string> { ["tenantId"] = tenantA.ToString() };
        var operations = (await OpenApiOperations.ReadAsync(fixture)).Where(operation => operation.RouteParameters.Count > 0).ToList();

        // Act
        var cases = 0;
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.RouteParameters)
            {
                var path = operation.Path(values);
                cases++;
                using (var inQuery = new HttpRequestMessage(new HttpMethod(operation.Method), $"{path}?{parameter}={tenantB}"))
                {
                    if (operation.HasBody)
                    {
                        inQuery.Content = new StringContent("""{"settings":{"requireMfa":true}}""", Encoding.UTF8, "application/json");
                    }

                    failures.AddRange(await RefusalFailuresAsync(asA, inQuery, parameter, $"{operation} ?{parameter}="));
                }

                if (operation.HasBody)
                {
                    cases++;
                    using var inBody = new HttpRequestMessage(new HttpMethod(operation.Method), path)
                    {
                        Content = JsonContent.Create(new JsonObject { [parameter] = tenantB.ToString() }),
                    };
                    failures.AddRange(await RefusalFailuresAsync(asA, inBody, parameter, $"{operation} body {parameter}"));
                }
            }
        }

        // Assert: the document was really read, every case was refused, and B is as it was.
        Assert.Contains(operations, operation => operation.ToString() == "PATCH /api/tenants/{tenantId}");
        Assert.True(cases > 100, $"only {cases} cases generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
        Assert.Equal(tenantBBefore, await asB.GetStringAsync($"/api/tenants/{tenantB}", Ct));
    }

    [Fact]
    public async Task ATenantAdminCannotChangeAnotherTenantThroughTheQueryString()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenantA = await seeder.CreateTenantAsync();
        var adminA = await seeder.CreateUserAsync(tenantA, TenantRole.Admin);
        var tenantB = await seeder.CreateTenantAsync();
        var adminB = await seeder.CreateUserAsync(tenantB, TenantRole.Admin);
        using var asA = await seeder.LoginAsync(adminA);
        using var asB = await seeder.LoginAsync(adminB);

        using var response = await asA.PatchAsJsonAsync($"/api/tenants/{tenantA}?tenantId={tenantB}",
            new { settings = new { requireMfa = true } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new[] { "tenantId" }, await ProblemResponses.FieldsAsync(response));
        var tenantBNow = await asB.GetFromJsonAsync<JsonObject>($"/api/tenants/{tenantB}", Ct);
        Assert.NotEqual(true, tenantBNow!["settings"]?["requireMfa"]?.GetValue<bool>());
    }

    private static async Task<IEnumerable<string>> RefusalFailuresAsync(HttpClient http, HttpRequestMessage request, string parameter, string label)
    {
        using var response = await http.SendAsync(request, Ct);
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return [$"{label}: {(int)response.StatusCode}"];
        }

        var fields = await ProblemResponses.FieldsAsync(response);
        return fields.Contains(parameter, StringComparer.OrdinalIgnoreCase) ? [] : [$"{label}: 400 naming {string.Join(", ", fields)}"];
    }
}
