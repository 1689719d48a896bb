using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Oidc;

/// <summary>
/// The development OpenID provider as the platform's tests and local mode use it: a real Node
/// process with two Keycloak-style realms and an Entra-shaped one, signed in through its login
/// form by a browser without JavaScript, its tokens validated with its own published keys.
/// </summary>
public sealed partial class DevProviderTests(DevProviderTests.ProviderFixture fixture) : IClassFixture<DevProviderTests.ProviderFixture>
{
    private const string RealmA = "/realms/tenant-a";
    private const string RealmB = "/realms/tenant-b";
    private const string EntraRealm = "/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f/v2.0";
    private const string WebClient = "platform-web";
    private const string ConfidentialClient = "platform-server";
    private const string ServiceClient = "platform-service";
    private const string OtherApi = "urn:other:api";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class ProviderFixture : IAsyncLifetime
    {
        public OidcDevProvider Provider { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Provider = await OidcDevProvider.StartAsync(Realm(RealmA, "a"), Realm(RealmB, "b"), Realm(EntraRealm, "entra"));
        }

        public async ValueTask DisposeAsync()
        {
            if (Provider is not null)
            {
                await Provider.DisposeAsync();
            }
        }

        private static OidcRealmSpec Realm(string path, string name) => new(path)
        {
            Clients =
            [
                OidcClientSpec.Public(WebClient),
                OidcClientSpec.ConfidentialWeb(ConfidentialClient),
                OidcClientSpec.Service(ServiceClient, [OidcRealmSpec.PlatformAudience, OtherApi]),
            ],
            Users =
            [
                new OidcUserSpec($"sub-{name}-1", $"alice@{name}.example", "Alice", Claims: new Dictionary<string, object?>
                {
                    ["tid"] = $"tid-{name}",
                    ["oid"] = $"oid-{name}-1",
                    ["groups"] = new[] { "operators", "viewers" },
                }),
                // Entra-style: no e-mail claim at all, the name in preferred_username and upn.
                new OidcUserSpec($"sub-{name}-2", $"bob@{name}.example", "Bob", Claims: new Dictionary<string, object?>
                {
                    ["email"] = null,
                    ["email_verified"] = null,
                    ["preferred_username"] = $"bob@{name}.onmicrosoft.example",
                    ["upn"] = $"bob@{name}.onmicrosoft.example",
                }),
            ],
        };
    }

    private OidcDevProvider Provider => fixture.Provider;

    [Theory]
    [InlineData(RealmA)]
    [InlineData(RealmB)]
    [InlineData(EntraRealm)]
    public async Task DiscoveryNamesTheConfiguredIssuerAndEndpointsBelowIt(string path)
    {
        using var http = new HttpClient();
        var discovery = await http.GetFromJsonAsync<JsonObject>($"http://127.0.0.1:{Provider.Port}{path}/.well-known/openid-configuration", Ct);

        var issuer = $"http://127.0.0.1:{Provider.Port}{path}";
        Assert.Equal(issuer, (string?)discovery!["issuer"]);
        Assert.Equal(issuer, Provider.Issuer(path));
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint", "end_session_endpoint" })
        {
            Assert.StartsWith(issuer + "/", (string?)discovery[endpoint]);
        }

        Assert.Equal(["S256"], discovery["code_challenge_methods_supported"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(["RS256"], discovery["id_token_signing_alg_values_supported"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public async Task HealthAnswersAtTheServerRoot()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"{Provider.BaseUrl}/health", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CodeWithPkceSignInYieldsAnIdTokenWithTheUsersClaims()
    {
        var realm = Provider.Realm(EntraRealm);
        var tokens = await realm.AuthorizationCodeTokenAsync(WebClient, "alice@entra.example", cancellationToken: Ct);

        var result = await ValidateAsync(tokens.IdToken!, realm, realm.Issuer, WebClient);

        Assert.True(result.IsValid, result.Exception?.Message);
        var identity = result.ClaimsIdentity;
        Assert.Equal("sub-entra-1", Claim(identity, "sub"));
        Assert.Equal("alice@entra.example", Claim(identity, "email"));
        Assert.Equal("true", Claim(identity, "email_verified"));
        Assert.Equal("Alice", Claim(identity, "name"));
        Assert.Equal("alice@entra.example", Claim(identity, "preferred_username"));
        Assert.Equal("tid-entra", Claim(identity, "tid"));
        Assert.Equal("oid-entra-1", Claim(identity, "oid"));
        Assert.Equal(["operators", "viewers"], identity.FindAll("groups").Select(c => c.Value).Order());
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task AUserWithoutAnEmailClaimGetsTokensWithoutOne()
    {
        var realm = Provider.Realm(EntraRealm);
        var tokens = await realm.AuthorizationCodeTokenAsync(WebClient, "bob@entra.example", cancellationToken: Ct);

        foreach (var (token, audience, isAccessToken) in new[] { (tokens.IdToken!, WebClient, false), (tokens.AccessToken, OidcRealmSpec.PlatformAudience, true) })
        {
            var result = await ValidateAsync(token, realm, realm.Issuer, audience, isAccessToken);
            Assert.True(result.IsValid, result.Exception?.Message);
            Assert.Null(result.ClaimsIdentity.FindFirst("email"));
            Assert.Null(result.ClaimsIdentity.FindFirst("email_verified"));
            Assert.Equal("bob@entra.onmicrosoft.example", Claim(result.ClaimsIdentity, "upn"));
            Assert.Equal("bob@entra.onmicrosoft.example", Claim(result.ClaimsIdentity, "preferred_username"));
        }
    }

    [Fact]
    public async Task AConfidentialClientSignsInWithItsSecretAndPkce()
    {
        var realm = Provider.Realm(RealmA);
        var tokens = await realm.AuthorizationCodeTokenAsync(ConfidentialClient, "sub-a-1", cancellationToken: Ct);

        var result = await ValidateAsync(tokens.AccessToken, realm, realm.Issuer, OidcRealmSpec.PlatformAudience, accessToken: true);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(ConfidentialClient, Claim(result.ClaimsIdentity, "client_id"));
    }

    [Fact]
    public async Task AFormPostSignInHandsTheCodeOverInAForm()
    {
        var realm = Provider.Realm(RealmB);
        var user = realm.User("sub-b-1");
        var pkce = OidcPkce.Create();
        var url = new Uri(realm.AuthorizationUrl(WebClient, OidcClientSpec.DefaultRedirectUri, "state-fp", pkce) + "&response_mode=form_post");
        using var browser = new OidcBrowser();

        var callback = await browser.SignInAsync(url, user.Email, user.Password, OidcClientSpec.DefaultRedirectUri, Ct);

        Assert.NotNull(callback.FormPostFields);
        Assert.Equal("state-fp", callback.State);
        Assert.Equal(realm.Issuer, callback.FormPostFields["iss"]);
        var tokens = await realm.ExchangeCodeAsync(WebClient, callback.Code!, OidcClientSpec.DefaultRedirectUri, pkce.Verifier, Ct);
        Assert.NotNull(tokens.IdToken);
    }

    [Theory]
    [InlineData(WebClient, null)]
    [InlineData(ConfidentialClient, null)]
    [InlineData(WebClient, "plain")]
    public async Task AnAuthorizationRequestWithoutS256PkceIsRefused(string clientId, string? method)
    {
        var realm = Provider.Realm(RealmA);
        var url = realm.AuthorizationUrl(clientId, OidcClientSpec.DefaultRedirectUri, "state-1", pkce: null);
        if (method is not null)
        {
            url = new Uri($"{url}&code_challenge={new string('a', 43)}&code_challenge_method={method}");
        }

        using var browser = new OidcBrowser();
        using var response = await browser.Client.GetAsync(url, Ct);

        // Refused before any login form: straight back to the client with an error.
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var callback = OidcCallback.Parse(response.Headers.Location!);
        Assert.StartsWith(OidcClientSpec.DefaultRedirectUri, callback.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("invalid_request", callback.Error);
        Assert.Null(callback.Code);
    }

    [Fact]
    public async Task ACodeIsNotRedeemedWithAnotherVerifier()
    {
        var realm = Provider.Realm(RealmA);
        var user = realm.User("sub-a-1");
        var pkce = OidcPkce.Create();
        using var browser = new OidcBrowser();
        var callback = await browser.SignInAsync(
            realm.AuthorizationUrl(WebClient, OidcClientSpec.DefaultRedirectUri, "state-2", pkce), user.Email, user.Password, OidcClientSpec.DefaultRedirectUri, Ct);
        Assert.Equal("state-2", callback.State);

        using var response = await realm.PostTokenRequestAsync(realm.Client(WebClient), new Dictionary<string, string?>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = callback.Code,
            ["redirect_uri"] = OidcClientSpec.DefaultRedirectUri,
            ["code_verifier"] = OidcPkce.Create().Verifier,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]);
    }

    [Fact]
    public async Task AWrongPasswordOrUnknownEmailShowsTheFormAgainWithOneMessage()
    {
        var realm = Provider.Realm(RealmB);
        var user = realm.User("sub-b-1");
        using var browser = new OidcBrowser();
        var form = await browser.OpenLoginFormAsync(realm.AuthorizationUrl(WebClient, OidcClientSpec.DefaultRedirectUri, "state-3", OidcPkce.Create()), Ct);
        Assert.StartsWith($"{realm.Issuer}/interaction/", form.Action.AbsoluteUri);
        Assert.EndsWith("/login", form.Action.AbsolutePath);

        var answers = new List<string>();
        foreach (var (login, password) in new[] { (user.Email, user.Password + "x"), ("nobody@b.example", user.Password) })
        {
            using var response = await browser.PostLoginAsync(form, login, password, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Invalid e-mail or password.", html);
            Assert.Contains($"action=\"{form.Action.AbsolutePath}\"", html);
            answers.Add(html);
        }

        // The same page either way: nothing tells an unknown e-mail from a wrong password.
        Assert.Equal(answers[0], answers[1]);

        using var accepted = await browser.PostLoginAsync(form, user.Email, user.Password, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
    }

    [Fact]
    public async Task TheAccessTokenIsAJwtForTheAudienceSignedWithTheRealmsKey()
    {
        var realm = Provider.Realm(RealmA);
        var tokens = await realm.AuthorizationCodeTokenAsync(WebClient, "alice@a.example", cancellationToken: Ct);

        var result = await ValidateAsync(tokens.AccessToken, realm, realm.Issuer, OidcRealmSpec.PlatformAudience, accessToken: true);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("at+jwt", ((JsonWebToken)result.SecurityToken).Typ);
        Assert.Equal(OidcRealmSpec.PlatformAudience, Claim(result.ClaimsIdentity, "aud"));
        Assert.Equal("sub-a-1", Claim(result.ClaimsIdentity, "sub"));
        Assert.Equal("tid-a", Claim(result.ClaimsIdentity, "tid"));
        Assert.Equal("alice@a.example", Claim(result.ClaimsIdentity, "email"));
        Assert.Equal(realm.Spec.AccessTokenTtlSeconds, tokens.ExpiresIn);

        // A refreshed access token is for the same audience.
        var refreshed = await realm.RefreshAsync(WebClient, tokens.RefreshToken!, Ct);
        var again = await ValidateAsync(refreshed.AccessToken, realm, realm.Issuer, OidcRealmSpec.PlatformAudience, accessToken: true);
        Assert.True(again.IsValid, again.Exception?.Message);
    }

    [Fact]
    public async Task ClientCredentialsYieldAJwtForTheRequestedOrDefaultResourceOnly()
    {
        var realm = Provider.Realm(RealmB);

        var platform = await realm.ClientCredentialsTokenAsync(ServiceClient, cancellationToken: Ct);
        var result = await ValidateAsync(platform.AccessToken, realm, realm.Issuer, OidcRealmSpec.PlatformAudience, accessToken: true);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(ServiceClient, Claim(result.ClaimsIdentity, "sub"));

        var other = await realm.ClientCredentialsTokenAsync(ServiceClient, OtherApi, Ct);
        Assert.True((await ValidateAsync(other.AccessToken, realm, realm.Issuer, OtherApi, accessToken: true)).IsValid);
        Assert.False((await ValidateAsync(other.AccessToken, realm, realm.Issuer, OidcRealmSpec.PlatformAudience, accessToken: true)).IsValid);

        using var refused = await realm.PostTokenRequestAsync(realm.Client(ServiceClient), new Dictionary<string, string?>
        {
            ["grant_type"] = "client_credentials",
            ["resource"] = "urn:not-allowed:api",
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_target", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]);

        using var wrongSecret = await realm.PostTokenRequestAsync(realm.Client(ServiceClient) with { ClientSecret = "wrong-secret-0123456789" },
            new Dictionary<string, string?> { ["grant_type"] = "client_credentials" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }

    [Fact]
    public async Task ATokenOfRealmADoesNotValidateWithRealmBsKeys()
    {
        var realmA = Provider.Realm(RealmA);
        var realmB = Provider.Realm(RealmB);
        var token = (await realmA.ClientCredentialsTokenAsync(ServiceClient, cancellationToken: Ct)).AccessToken;

        Assert.True((await ValidateAsync(token, realmA, realmA.Issuer, OidcRealmSpec.PlatformAudience, accessToken: true)).IsValid);
        var withKeysOfB = await ValidateAsync(token, realmB, realmA.Issuer, OidcRealmSpec.PlatformAudience, accessToken: true);
        Assert.False(withKeysOfB.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(withKeysOfB.Exception);
        var withIssuerOfB = await ValidateAsync(token, realmA, realmB.Issuer, OidcRealmSpec.PlatformAudience, accessToken: true);
        Assert.False(withIssuerOfB.IsValid);
    }

    [Fact]
    public async Task TheOutputIsOneRequestLinePerRequestAndCarriesNoSecret()
    {
        // Its own sign-ins and token requests, so the check does not depend on other tests' order.
        var realm = Provider.Realm(RealmA);
        var user = realm.User("sub-a-1");
        var pkce = OidcPkce.Create();
        using var browser = new OidcBrowser();
        var form = await browser.OpenLoginFormAsync(realm.AuthorizationUrl(WebClient, OidcClientSpec.DefaultRedirectUri, "state-4", pkce), Ct);
        (await browser.PostLoginAsync(form, user.Email, "wrong-" + user.Password, Ct)).Dispose();
        var callback = await browser.SignInAsync(
            realm.AuthorizationUrl(WebClient, OidcClientSpec.DefaultRedirectUri, "state-5", pkce), user.Email, user.Password, OidcClientSpec.DefaultRedirectUri, Ct);
        var code = await realm.ExchangeCodeAsync(WebClient, callback.Code!, OidcClientSpec.DefaultRedirectUri, pkce.Verifier, Ct);
        var machine = await realm.ClientCredentialsTokenAsync(ServiceClient, cancellationToken: Ct);

        var output = Provider.Output;
        var secrets = Provider.Realms.SelectMany(r => r.Users.Select(u => u.Password).Concat(r.Clients.Select(c => c.ClientSecret)))
            .OfType<string>()
            .Concat([callback.Code!, code.AccessToken, code.IdToken!, code.RefreshToken!, machine.AccessToken, pkce.Verifier, user.Email])
            .ToList();
        Assert.All(secrets, secret => Assert.DoesNotContain(output, line => line.Contains(secret, StringComparison.Ordinal)));

        Assert.Equal($"listening on {Provider.BaseUrl}", output[0]);
        Assert.Equal(1, output.Count(line => line.StartsWith("listening on", StringComparison.Ordinal)));
        Assert.All(output.Skip(1), line => Assert.Matches(RequestLine(), line));
        Assert.Contains($"POST {RealmA}/token 200", output);
    }

    [Fact]
    public async Task ABadConfigIsRefusedWithAClearMessage()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            OidcDevProvider.StartAsync(new OidcRealmSpec("realms/without-leading-slash") { Users = [new OidcUserSpec("s", "s@x.example")] }));

        Assert.Contains("invalid config", failure.Message);
        Assert.Contains("realms[0].path must start with \"/\"", failure.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AConfigFileReadableByOthersIsRefused()
    {
        var directory = Directory.CreateTempSubdirectory("platform-oidc-test-").FullName;
        try
        {
            var file = Path.Combine(directory, "oidc.json");
            var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            await File.WriteAllTextAsync(file, $$"""
                {"port": {{FreePorts.Take(1)[0]}}, "realms": [{"path": "/realms/x", "audience": "urn:platform:api", "accessTokenTtlSeconds": 60,
                  "clients": [], "users": [{"sub": "s", "email": "s@x.example", "password": "{{password}}"}]}]}
                """, Ct);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            var start = new System.Diagnostics.ProcessStartInfo("node") { WorkingDirectory = OidcDevProvider.ServerDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("server.mjs");
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(file);
            using var node = System.Diagnostics.Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync(Ct);
            var stderr = node.StandardError.ReadToEndAsync(Ct);
            await node.WaitForExitAsync(Ct);

            Assert.NotEqual(0, node.ExitCode);
            Assert.Contains("chmod 600", await stderr);
            Assert.Empty(await stdout);
            Assert.DoesNotContain(password, await stderr);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<TokenValidationResult> ValidateAsync(string token, OidcDevRealm keysOf, string issuer, string audience, bool accessToken = false)
    {
        var configuration = await keysOf.GetConfigurationAsync(Ct);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = configuration.SigningKeys,
            // RFC 9068 access tokens say what they are; oidc-provider's ID tokens carry no typ.
            ValidTypes = accessToken ? ["at+jwt"] : null,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
    }

    private static string? Claim(ClaimsIdentity identity, string type) => identity.FindFirst(type)?.Value;

    // Method, path without query string, status: nothing else.
    [GeneratedRegex(@"^(GET|POST|HEAD|OPTIONS) /[^\s?]* \d{3}$")]
    private static partial Regex RequestLine();
}
