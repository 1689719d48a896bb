using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OtpNet;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>
/// A seeded local user going through MFA over HTTP, computing codes from the secret the API
/// returned, as an authenticator app would (Otp.NET, RFC 6238 defaults).
/// </summary>
internal sealed class MfaAccount(PlatformAppFixture fixture, SeededUser user)
{
    public const string MfaRequired = "https://platform.example/problems/mfa-required";
    public const string MfaCodeInvalid = "https://platform.example/problems/mfa-code-invalid";
    public const string InvalidCredentials = "https://platform.example/problems/invalid-credentials";
    public const string EnrolmentRequired = "https://platform.example/problems/mfa-enrolment-required";
    public const string Forbidden = "https://platform.example/problems/forbidden";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public SeededUser User => user;

    public string? Secret { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>Starts and confirms an enrolment from <paramref name="session"/> with the previous step's code.</summary>
    public async Task EnrolAsync(HttpClient session)
    {
        await StartEnrolmentAsync(session);
        using var confirmed = await session.PostAsJsonAsync("/api/me/mfa/enrolment/confirm", new { password = TestTenantSeeder.Password, code = await CodeAsync(-1) }, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        RecoveryCodes = (await confirmed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["recoveryCodes"]!.AsArray()
            .Select(code => code!.GetValue<string>()).ToList();
    }

    public async Task<JsonObject> StartEnrolmentAsync(HttpClient session)
    {
        using var started = await session.PostAsync("/api/me/mfa/enrolment", null, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Secret = body["secret"]!.GetValue<string>();
        return body;
    }


    /// <summary>
    /// The code of the current time step plus <paramref name="stepOffset"/> (−1, 0 or +1: the server's
    /// window). Close to the end of a step it waits for the next one, so that the step the code was
    /// made for is still inside the window when the server checks it.
    /// </summary>
    public async Task<string> CodeAsync(int stepOffset)
    {
        var totp = new Totp(Base32Encoding.ToBytes(Secret ?? throw new InvalidOperationException("Not enrolled.")));
        if (totp.RemainingSeconds() < 4)
        {
            await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds() + 1), Ct);
        }

        return totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepOffset));
    }

    public async Task<HttpResponseMessage> LoginAsync(string? totp = null, string? password = null)
    {
        using var http = fixture.CreateApiClient();
        return await http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = password ?? TestTenantSeeder.Password, totp }, Ct);
    }

    /// <summary>A client with the session of a login that must succeed.</summary>
    public async Task<HttpClient> SessionAsync(string? totp = null)
    {
        using var response = await LoginAsync(totp);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var http = fixture.CreateApiClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["token"]!.GetValue<string>());
        return http;
    }

    public static async Task<string?> ProblemTypeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))?["type"]?.GetValue<string>();

    /// <summary>The platform chain's audit events about this user, oldest first: action and after-image.</summary>
    public async Task<IReadOnlyList<(string Action, string? After)>> AuditAsync() =>
        (await new TestTenantSeeder(fixture).AuditAsync(null, user.Id.ToString()))
            .Select(entry => (entry.Action, (string?)(entry.After.Length == 0 ? null : entry.After))).ToList();
}
