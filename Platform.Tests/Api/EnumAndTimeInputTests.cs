using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

/// <summary>
/// One rule for enums and times everywhere, in bodies and query strings, for every enum-typed and
/// date-time field of the API's OpenAPI document: an enum is one of its names, in any case (never a
/// number, a numeric string or a combination); a time carries its offset (never a local time, never a
/// date alone). A refused value answers 400 naming the field.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class EnumAndTimeInputTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NumbersAndCombinationsOfEnumsAndTimesWithoutOffsetAreRefusedEverywhere()
    {
        // Arrange: a platform admin who is also an admin of a tenant reaches every route's binding.
        var (http, values) = await PlatformAdminOfATenantAsync();
        using var _ = http;
        var fields = (await OpenApiOperations.ReadAsync(fixture))
            .SelectMany(operation => operation.Fields.Select(field => (Operation: operation, Field: field)))
            .ToList();

        // Act
        var cases = 0;
        var failures = new List<string>();
        foreach (var (operation, field) in fields)
        {
            var refused = field.Kind switch
            {
                OpenApiFieldKind.Enum => new List<JsonNode?> { 1, "1", $"{field.EnumNames[0]}, {field.EnumNames[^1]}" },
                OpenApiFieldKind.DateTime => ["2099-01-31T12:00:00", "2099-01-31", "2099-01-31T12:00:00.000"],
                _ => [],
            };
            foreach (var value in refused)
            {
                cases++;
                var (status, named, body) = await SendAsync(http, operation, field, value, values);
                if (status != HttpStatusCode.BadRequest || !named)
                {
                    failures.Add($"{operation} {field.In} {field.Name} = {value?.ToJsonString()}: {(int)status} {body}");
                }
            }
        }

        // Assert
        Assert.Contains(fields, pair => pair.Field is { In: "query", Kind: OpenApiFieldKind.DateTime });
        Assert.Contains(fields, pair => pair.Field is { In: "body", Kind: OpenApiFieldKind.Enum });
        Assert.Contains(fields, pair => pair.Field is { In: "body", Kind: OpenApiFieldKind.DateTime });
        Assert.True(cases > 30, $"only {cases} cases generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EnumNamesInAnyCaseAndTimesWithAnOffsetAreAcceptedEverywhere()
    {
        var (http, values) = await PlatformAdminOfATenantAsync();
        using var _ = http;
        var fields = (await OpenApiOperations.ReadAsync(fixture))
            .SelectMany(operation => operation.Fields.Select(field => (Operation: operation, Field: field)))
            .ToList();

        var cases = 0;
        var failures = new List<string>();
        foreach (var (operation, field) in fields)
        {
            var accepted = field.Kind switch
            {
                OpenApiFieldKind.Enum => new List<JsonNode?> { field.EnumNames[0].ToLowerInvariant(), field.EnumNames[^1].ToUpperInvariant() },
                OpenApiFieldKind.DateTime => ["2099-01-31T12:00:00Z", "2099-01-31T13:00:00.5+01:00"],
                _ => [],
            };
            foreach (var value in accepted)
            {
                cases++;
                var (status, named, body) = await SendAsync(http, operation, field, value, values);
                if ((int)status >= 500 || named)
                {
                    failures.Add($"{operation} {field.In} {field.Name} = {value?.ToJsonString()}: {(int)status} {body}");
                }
            }
        }

        Assert.True(cases > 20, $"only {cases} cases generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
    }

    private async Task<(HttpClient Http, Dictionary<string, string> Values)> PlatformAdminOfATenantAsync()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var admin = await seeder.CreateUserAsync(tenant, Platform.Core.Tenancy.TenantRole.Admin);
        await seeder.ExecuteAsync("UPDATE users SET platform_role = 'Admin' WHERE id = @id", ("id", admin.Id));
        return (await seeder.LoginAsync(admin), new Dictionary<string, string> { ["tenantId"] = tenant.ToString() });
    }

    /// <returns>The status, whether a validation error names the field, and the start of the body (for the failure message).</returns>
    private static async Task<(HttpStatusCode Status, bool NamesField, string Body)> SendAsync(HttpClient http, OpenApiOperation operation,
        OpenApiField field, JsonNode? value, Dictionary<string, string> values)
    {
        var path = operation.Path(values);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (field.In == "query")
        {
            request.RequestUri = new Uri($"{path}?{field.Name}={Uri.EscapeDataString(value!.GetValue<object>().ToString()!)}", UriKind.Relative);
            if (operation.HasBody)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
        }
        else
        {
            request.Content = new StringContent(OpenApiOperations.BodyWith(field, value).ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var names = false;
        try
        {
            names = JsonNode.Parse(body)?["errors"] is JsonArray errors
                && errors.Any(error => string.Equals(error?["name"]?.GetValue<string>(), field.Name, StringComparison.OrdinalIgnoreCase));
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (an empty 404, say): it names nothing.
        }

        return (response.StatusCode, names, body[..Math.Min(body.Length, 200)]);
    }
}
