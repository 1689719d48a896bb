using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Stack;

/// <summary>
/// Local mode's development OpenID provider inside the whole stack: healthy, named by the issuer
/// the API is given, and signing in the platform admin with the password generated for this run.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class OidcProviderStackTests(PlatformAppFixture fixture)
{
    private const string Resource = "oidc";
    private const string Audience = "urn:platform:api";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Issuer => $"http://127.0.0.1:{fixture.App.GetEndpoint(Resource, "http").Port}/realms/platform";

    [Fact]
    public async Task TheProviderIsHealthyAndItsDiscoveryNamesTheIssuerTheApiIsGiven()
    {
        var snapshot = fixture.CurrentState(Resource).Snapshot;
        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        Assert.Equal(HealthStatus.Healthy, snapshot.HealthStatus);

        using var http = new HttpClient();
        var discovery = await http.GetFromJsonAsync<JsonObject>($"{Issuer}/.well-known/openid-configuration", Ct);
        Assert.Equal(Issuer, (string?)discovery!["issuer"]);

        var api = fixture.CurrentState("platform-api").Snapshot.EnvironmentVariables.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(Issuer, api["Platform__Oidc__Issuer"]);
        Assert.Equal("platform-web", api["Platform__Oidc__ClientId"]);
        Assert.Equal(Audience, api["Platform__Oidc__Audience"]);
    }

    [Fact]
    public async Task ThePlatformAdminSignsInWithTheGeneratedPasswordAndGetsAnApiToken()
    {
        var email = fixture.GeneratedCredential("PLATFORM_ADMIN_EMAIL");
        var password = fixture.GeneratedCredential("PLATFORM_ADMIN_PASSWORD");
        var redirectUri = $"http://localhost:{fixture.App.GetEndpoint("platform-web", "http").Port}/signin-oidc";
        var pkce = OidcPkce.Create();
        var authorize = $"{Issuer}/auth?client_id=platform-web&response_type=code&scope=openid%20email%20profile"
            + $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state=stack-1&code_challenge={pkce.Challenge}&code_challenge_method=S256";

        using var browser = new OidcBrowser();
        var callback = await browser.SignInAsync(new Uri(authorize), email, password, redirectUri, Ct);
        Assert.Equal("stack-1", callback.State);

        using var exchange = await browser.Client.PostAsync($"{Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "platform-web",
            ["code"] = callback.Code!,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = pkce.Verifier,
        }), Ct);
        exchange.EnsureSuccessStatusCode();
        var tokens = await exchange.Content.ReadFromJsonAsync<OidcTokenResponse>(Ct);

        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(
            $"{Issuer}/.well-known/openid-configuration", new HttpDocumentRetriever { RequireHttps = false }, Ct);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(tokens!.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidTypes = ["at+jwt"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(email, result.ClaimsIdentity.FindFirst("email")?.Value);

        // The provider's own log lines carry neither the password nor the code.
        Assert.True(await fixture.WaitForLogAsync(Resource, "POST /realms/platform/token 200", Ct));
        var lines = fixture.Logs.Where(entry => entry.Resource == Resource).Select(entry => entry.Line.Content).ToList();
        Assert.DoesNotContain(lines, line => line.Contains(password, StringComparison.Ordinal) || line.Contains(callback.Code!, StringComparison.Ordinal));
    }
}
