using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Core.Tenancy;
using Platform.Tests.Identity;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Redaction;

/// <summary>
/// Every credential this run generates or is handed goes through the whole stack the way clients use
/// it — password logins (right and wrong), TOTP enrolment and codes (right, wrong, recovery), SSO
/// through the stack's OpenID provider (its password, the authorization code, the session, ID,
/// access and refresh tokens, the access token used at the API), API tokens, an MQTT connection with
/// the network server's credentials — and then no log line of any resource (services, PostgreSQL,
/// RabbitMQ, Mosquitto, the OpenID provider) may contain any of them.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class WholeStackSecretLeakTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly List<string> _secrets = [];

    // Six-digit codes would match inside longer numbers by chance: they are looked for as whole tokens.
    private readonly List<string> _codes = [];

    [Fact]
    public async Task NoLogLineOfTheStackCarriesASecretUsedInThisRun()
    {
        Remember(fixture.GeneratedCredential("PLATFORM_ADMIN_PASSWORD"), fixture.GeneratedCredential("PLATFORM_MQTT_PASSWORD"),
            fixture.GeneratedCredential("PLATFORM_MQTT_INGESTION_PASSWORD"),
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
        await LogInWithTotpAsync(tenant);
        await SignInThroughThePlatformProviderAsync();
        await PublishWithNetworkServerCredentialsAsync();

        var lines = await AllLogLinesAsync();

        var leaks = (from line in lines
                     from secret in _secrets
                     where line.Contains(secret, StringComparison.Ordinal)
                     select $"{Describe(secret)} in: {line}")
            .Concat(from line in lines
                    from code in _codes
                    where Regex.IsMatch(line, $"(?<![0-9A-Za-z]){code}(?![0-9A-Za-z])")
                    select $"a one-time code in: {line}").ToList();
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

    private async Task LogInWithTotpAsync(Guid tenant)
    {
        var account = new MfaAccount(fixture, await _seeder.CreateUserAsync(tenant, TenantRole.Member));
        using (var enrolling = await account.SessionAsync())
        {
            await account.EnrolAsync(enrolling);
        }

        Remember(account.Secret!);
        Remember([.. account.RecoveryCodes]);

        var code = RememberCode(await account.CodeAsync(0));
        using (var withCode = await account.SessionAsync(code))
        {
            Assert.Equal(HttpStatusCode.OK, (await withCode.GetAsync("/api/me", Ct)).StatusCode);
        }

        // A code two steps ahead is outside the window: refused, and still not to be logged.
        using (var wrong = await account.LoginAsync(RememberCode(await account.CodeAsync(2))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var withRecoveryCode = await account.SessionAsync(account.RecoveryCodes[0]);
    }

    private async Task SignInThroughThePlatformProviderAsync()
    {
        var realm = StackOidcRealm.Of(fixture);
        var admin = realm.User(StackOidcRealm.AdminSub);
        var redirectUri = realm.Client(StackOidcRealm.ClientId).RedirectUris[0];
        using var http = fixture.CreateApiClient();
        using var started = await http.PostAsJsonAsync("/api/auth/oidc/authorize", new { redirectUri }, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var start = (await started.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        using var browser = new OidcBrowser();
        var callback = await browser.SignInAsync(new Uri(start["authorizationUrl"]!.GetValue<string>()), admin.Email, admin.Password, redirectUri, Ct);
        Assert.NotNull(callback.Code);
        Remember(callback.Code);
        using var finished = await http.PostAsJsonAsync("/api/auth/oidc/callback", new { state = start["state"]!.GetValue<string>(), code = callback.Code }, Ct);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        var sessionToken = Remember((await finished.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>());
        await using (var session = new Session(Bearer(sessionToken)))
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/me", Ct)).StatusCode);
        }

        // The provider's own tokens; its access token authenticates at the API as the linked admin.
        var tokens = await realm.AuthorizationCodeTokenAsync(StackOidcRealm.ClientId, admin.Sub, cancellationToken: Ct);
        Remember(tokens.IdToken!, tokens.RefreshToken!, tokens.AccessToken);
        using var withAccessToken = Bearer(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await withAccessToken.GetAsync("/api/me", Ct)).StatusCode);
    }

    private HttpClient Bearer(string token)
    {
        var http = fixture.CreateApiClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
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
        // In the path: the query string is never logged.
        using (await http.GetAsync($"/api/leak-check-{marker}", Ct))
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

    private string RememberCode(string code)
    {
        Assert.Matches("^[0-9]{6}$", code);
        _codes.Add(code);
        return code;
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
