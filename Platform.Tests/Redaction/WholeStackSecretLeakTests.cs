using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Redaction;

/// <summary>
/// Every credential this run generates or is handed goes through the whole stack the way clients use
/// it — password logins (right and wrong), API tokens, an MQTT connection with the network server's
/// credentials — and then no log line of any resource (services, PostgreSQL, RabbitMQ, Mosquitto)
/// may contain any of them.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class WholeStackSecretLeakTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly List<string> _secrets = [];

    [Fact]
    public async Task NoLogLineOfTheStackCarriesASecretUsedInThisRun()
    {
        Remember(fixture.GeneratedCredential("PLATFORM_ADMIN_PASSWORD"), fixture.GeneratedCredential("PLATFORM_MQTT_PASSWORD"),
            TestTenantSeeder.Password);

        await using (var admin = await SessionAsync(fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL"), fixture.GeneratedCredential("PLATFORM_ADMIN_PASSWORD")))
        {
            await admin.Http.GetAsync("/api/me", Ct);
        }

        var tenant = await _seeder.CreateTenantAsync();
        var user = await _seeder.CreateUserAsync(tenant, TenantRole.Admin);
        await WrongPasswordAsync(user.Email);
        await using var session = await SessionAsync(user.Email, TestTenantSeeder.Password);
        await UseApiTokenAsync(session.Http, tenant);
        await PublishWithNetworkServerCredentialsAsync();

        var lines = await AllLogLinesAsync();

        var leaks = (from line in lines
                     from secret in _secrets
                     where line.Contains(secret, StringComparison.Ordinal)
                     select $"{Describe(secret)} in: {line}").ToList();
        Assert.True(leaks.Count == 0, "Secrets in the logs:\n" + string.Join('\n', leaks));
        // The check saw the run: the stack logged the requests it served.
        Assert.Contains(lines, line => line.Contains("/api/auth/login", StringComparison.Ordinal));
    }

    private async Task WrongPasswordAsync(string email)
    {
        var wrong = Remember("wrong-" + Guid.NewGuid().ToString("N"));
        using var http = fixture.CreateApiClient();
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = wrong }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<Session> SessionAsync(string email, string password)
    {
        var http = fixture.CreateApiClient();
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        response.EnsureSuccessStatusCode();
        var token = Remember((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Session(http);
    }

    private async Task UseApiTokenAsync(HttpClient session, Guid tenant)
    {
        using var created = await session.PostAsJsonAsync($"/api/tenants/{tenant}/tokens",
            new { name = "Leak check", scopes = new[] { "devices:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = Remember((await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>());
        using var http = fixture.CreateApiClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var devices = await http.GetAsync($"/api/tenants/{tenant}/devices", Ct);
        Assert.Equal(HttpStatusCode.OK, devices.StatusCode);
    }

    private async Task PublishWithNetworkServerCredentialsAsync()
    {
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.NewGuid(), TestTenantSeeder.RandomDevEui(), 1, [0x01], DateTimeOffset.UtcNow);
        await networkServer.PublishAsync(topic, message);
        // Stored as a rejection (unknown device) only after ingestion, RabbitMQ and the worker handled it.
        var stored = new StoredUplinks(fixture);
        Assert.NotEmpty(await StoredUplinks.EventuallyAsync(() => stored.RejectionsAsync(topic), rows => rows.Count > 0));
    }

    /// <summary>
    /// The lines collected so far, once the API's own request log has caught up with this test: a
    /// request carrying a fresh marker is the last thing it did, so its line comes after all others.
    /// </summary>
    private async Task<IReadOnlyList<string>> AllLogLinesAsync()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var http = fixture.CreateApiClient();
        using (await http.GetAsync($"/api/status?leak-check={marker}", Ct))
        {
        }

        Assert.True(await fixture.WaitForLogAsync(null, marker, Ct), "The marker request's log line never came.");
        var lines = fixture.Logs.Select(entry => $"{entry.Resource}: {entry.Line.Content}").ToList();
        return lines;
    }

    private string Remember(params string[] secrets)
    {
        // Short values would match by chance; every credential here is far longer than this.
        Assert.All(secrets, secret => Assert.True(secret.Length >= 12, $"A secret of {secret.Length} characters is too short to look for."));
        _secrets.AddRange(secrets);
        return secrets[^1];
    }

    /// <summary>What a leaked secret was, without printing it whole: the failure message is a log too.</summary>
    private static string Describe(string secret) => $"secret {secret[..4]}… ({secret.Length} characters)";

    private sealed record Session(HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using (await Http.PostAsync("/api/auth/logout", null, Ct))
            {
            }

            Http.Dispose();
        }
    }
}
