using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

/// <summary>
/// A secret never travels in a URL (browser history, proxies, access logs): every operation of the
/// OpenAPI document whose body takes a password, a code, a link's secret or an OIDC state refuses the
/// same field, or any other parameter, in the query string — before binding, which would otherwise
/// take the query's value for the body's field — and names it, without echoing its value.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class SecretsInQueryTests(PlatformAppFixture fixture)
{
    private static readonly string[] SecretFields = ["password", "currentPassword", "newPassword", "totp", "code", "token", "state"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperationTakingASecretRefusesItInTheQueryString()
    {
        var operations = (await OpenApiOperations.ReadAsync(fixture))
            .Where(operation => operation.Fields.Any(field => field.In == "body" && field.Path.Count == 1
                && SecretFields.Contains(field.Name, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var seeder = new TestTenantSeeder(fixture);
        using var signedIn = await seeder.LoginAsync(await seeder.CreateUserAsync());

        var failures = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var field in operation.Fields.Where(field => field.In == "body" && field.Path.Count == 1
                         && SecretFields.Contains(field.Name, StringComparer.OrdinalIgnoreCase)))
            {
                var secret = "secret-" + Guid.NewGuid().ToString("N");
                using var message = new HttpRequestMessage(new HttpMethod(operation.Method),
                    $"{operation.Path(new Dictionary<string, string>())}?{field.Name}={secret}") { Content = JsonContent.Create(new { }) };
                using var response = await signedIn.SendAsync(message, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains($"\"name\":\"{field.Name}\"", StringComparison.Ordinal)
                    || body.Contains(secret, StringComparison.Ordinal))
                {
                    failures.Add($"{operation} ?{field.Name}=: {(int)response.StatusCode} {body}");
                }
            }
        }

        // The routes this rule exists for are among those found: the reading of the document works.
        Assert.Contains(operations, operation => operation.Template == "/api/auth/login");
        Assert.Contains(operations, operation => operation.Template == "/api/invitations/accept");
        Assert.True(operations.Count >= 8, $"only {operations.Count} operations take a secret");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
