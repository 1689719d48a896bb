using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

/// <summary>
/// Text PostgreSQL cannot store (NUL, an unpaired surrogate) in every string field of every request
/// body and every string query parameter of the API's OpenAPI document: each answers 400 ProblemDetails
/// naming the field, never 500, and nothing is logged as an error.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class UnstorableTextTests(PlatformAppFixture fixture)
{
    private const string LoneSurrogatePlaceholder = "lone-surrogate-placeholder";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each case: how the bad text is written into a JSON body (as JSON text) and into a query string (escaped).</summary>
    private static readonly (string Label, string Json, string Query)[] BadTexts =
    [
        ("NUL", "\"a\\u0000b\"", "a%00b"),
        ("lone high surrogate", "\"a\\ud800b\"", "a%ED%A0%80b"),
        ("lone low surrogate", "\"\\udc00\"", "%ED%B0%80"),
    ];

    [Fact]
    public async Task UnstorableTextInAnyStringFieldIsRefusedNamingTheField()
    {
        // Arrange: an admin of a tenant, calling that tenant's routes (other ids are fresh).
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var admin = await seeder.CreateUserAsync(tenant, TenantRole.Admin);
        using var http = await seeder.LoginAsync(admin);
        var values = new Dictionary<string, string> { ["tenantId"] = tenant.ToString() };
        var operations = await OpenApiOperations.ReadAsync(fixture);
        var errorsBefore = fixture.ProjectErrors().Count;

        // Act
        var cases = 0;
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var field in operation.Fields.Where(field => field.Kind is OpenApiFieldKind.Text or OpenApiFieldKind.DateTime or OpenApiFieldKind.Enum))
            {
                foreach (var (label, json, query) in BadTexts)
                {
                    cases++;
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path(values));
                    if (field.In == "query")
                    {
                        request.RequestUri = new Uri($"{operation.Path(values)}?{field.Name}={query}", UriKind.Relative);
                        if (operation.HasBody)
                        {
                            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                        }
                    }
                    else
                    {
                        var body = OpenApiOperations.BodyWith(field, LoneSurrogatePlaceholder).ToJsonString()
                            .Replace($"\"{LoneSurrogatePlaceholder}\"", json, StringComparison.Ordinal);
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    using var response = await http.SendAsync(request, Ct);
                    var problem = await response.Content.ReadAsStringAsync(Ct);
                    if (response.StatusCode != HttpStatusCode.BadRequest || !NamesField(problem, field.Name))
                    {
                        failures.Add($"{operation} {field.In} {field.Name} ({label}): {(int)response.StatusCode} {problem[..Math.Min(problem.Length, 160)]}");
                    }
                }
            }
        }

        // Assert
        Assert.Contains(operations.SelectMany(operation => operation.Fields), field => field is { In: "query", Name: "action", Kind: OpenApiFieldKind.Text });
        Assert.True(cases > 100, $"only {cases} cases generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
        Assert.Equal(errorsBefore, fixture.ProjectErrors().Count);
    }

    [Fact]
    public async Task AnonymousLoginWithANulInTheEmailIsABadRequest()
    {
        using var http = fixture.CreateApiClient();

        using var response = await http.PostAsync("/api/auth/login",
            new StringContent("""{"email":"a\u0000@x.example","password":"x"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new[] { "email" }, await ProblemResponses.FieldsAsync(response));
    }

    private static bool NamesField(string problem, string field)
    {
        try
        {
            return JsonNode.Parse(problem)?["errors"] is JsonArray errors
                && errors.Any(error => string.Equals(error?["name"]?.GetValue<string>(), field, StringComparison.OrdinalIgnoreCase));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
