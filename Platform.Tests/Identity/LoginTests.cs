using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

[Collection(PlatformAppCollection.Name)]
public sealed class LoginTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlatformAdminLogsInWithTheGeneratedPasswordAndSeesThemself()
    {
        using var http = fixture.CreateApiClient();

        var login = await LoginAsync(http, fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL"), fixture.GeneratedCredential("PLATFORM_ADMIN_PASSWORD"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["token"]!.GetValue<string>());
        var me = await http.GetFromJsonAsync<JsonObject>("/api/me", Ct);

        Assert.StartsWith("pls_", login["token"]!.GetValue<string>());
        Assert.Equal("Admin", me!["platformRole"]!.GetValue<string>());
        Assert.Equal(fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL"), me["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownUserAndWrongPasswordGetTheSameAnswer()
    {
        using var http = fixture.CreateApiClient();

        using var unknown = await http.PostAsJsonAsync("/api/auth/login",
            new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "some-password-123" }, Ct);
        using var wrong = await http.PostAsJsonAsync("/api/auth/login",
            new { email = fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL"), password = "wrong-password-" + Guid.NewGuid() }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        // Word for word the same but for the request's own trace id, which every problem carries for support.
        Assert.Equal(await WithoutTraceIdAsync(unknown), await WithoutTraceIdAsync(wrong));
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LogoutRevokesTheSessionAtOnce()
    {
        using var http = fixture.CreateApiClient();
        var login = await LoginAsync(http, fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL"), fixture.GeneratedCredential("PLATFORM_ADMIN_PASSWORD"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["token"]!.GetValue<string>());

        using var logout = await http.PostAsync("/api/auth/logout", null, Ct);
        using var after = await http.GetAsync("/api/me", Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pls_")]
    [InlineData("forged")]
    [InlineData("plt_something")]
    public async Task MissingOrForgedTokensAreUnauthenticated(string token)
    {
        using var http = fixture.CreateApiClient();
        // Well-formed but never issued: a made-up id and secret, generated here.
        token = token == "forged" ? $"pls_{new string('A', 22)}_{Guid.NewGuid():N}{Guid.NewGuid():N}" : token;
        if (token.Length > 0)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.GetAsync("/api/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonObject> LoginAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.StartsWith("00-", problem["traceId"]?.GetValue<string>());
        problem.Remove("traceId");
        return problem.ToJsonString();
    }
}
