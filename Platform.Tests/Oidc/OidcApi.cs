using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Oidc;

/// <summary>
/// Drives the API's SSO endpoints as the web app would: start, the browser at the provider (login
/// form, redirects), then the callback with the state and code that came back.
/// </summary>
internal sealed class OidcApi(OidcAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public PlatformAppFixture Stack => fixture.Stack;

    public async Task<(string Url, string State)> StartAsync(HttpClient api, Guid? providerId = null, bool test = false)
    {
        using var response = await api.PostAsJsonAsync("/api/auth/oidc/authorize",
            new { providerId, redirectUri = OidcAppFixture.RedirectUri, test }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (body["authorizationUrl"]!.GetValue<string>(), body["state"]!.GetValue<string>());
    }

    /// <summary>The browser's part: signs in at the provider and returns what it brings back to the redirect URI.</summary>
    public static async Task<OidcCallback> BrowseAsync(string url, OidcDevUser user)
    {
        using var browser = new OidcBrowser();
        var callback = await browser.SignInAsync(new Uri(url), user.Email, user.Password, OidcAppFixture.RedirectUri, Ct);
        Assert.NotNull(callback.Code);
        return callback;
    }

    public static Task<HttpResponseMessage> CallbackAsync(HttpClient api, string state, string code) =>
        api.PostAsJsonAsync("/api/auth/oidc/callback", new { state, code }, Ct);

    /// <summary>A whole sign-in; the callback's answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(OidcDevRealm realm, string user, Guid? providerId = null, HttpClient? api = null, bool test = false)
    {
        api ??= Stack.CreateApiClient();
        var (url, state) = await StartAsync(api, providerId, test);
        var callback = await BrowseAsync(url, realm.User(user));
        Assert.Equal(state, callback.State);
        return await CallbackAsync(api, callback.State!, callback.Code!);
    }

    /// <summary>A whole sign-in that must succeed: a client carrying the new session, and the response body.</summary>
    public async Task<(HttpClient Client, JsonObject Body)> SignedInAsync(OidcDevRealm realm, string user, Guid? providerId = null)
    {
        using var response = await SignInAsync(realm, user, providerId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (WithBearer(body["token"]!.GetValue<string>()), body);
    }

    public HttpClient WithBearer(string token)
    {
        var client = Stack.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        return response.StatusCode;
    }
}
