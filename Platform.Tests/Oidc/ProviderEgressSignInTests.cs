using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.IdentityProviders;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Oidc;

/// <summary>
/// A tenant admin's provider whose discovery document tries to send the platform elsewhere: its
/// token endpoint or jwks_uri on a loopback listener nobody allowed (in every spelling), or another
/// issuer than the one configured. The admin's test sign-in runs to the end, and the bystander
/// listener is never contacted, no code or secret reaches any token endpoint, and the answers and
/// the tenant's audit say only "the provider could not be used" with a code — never how the remote
/// side answered, so an unreachable provider and one that answers nonsense look the same.
/// </summary>
[Collection(OidcAppCollection.Name)]
public sealed class ProviderEgressSignInTests(OidcAppFixture fixture)
{
    private const string EndpointOffHost = "endpoint-not-on-issuer-host";
    private const string IssuerMismatch = "issuer-mismatch";
    private const string TokenExchangeFailed = "token-exchange-failed";
    private const string DiscoveryFailed = "discovery-failed";

    private static readonly string[] RemoteDetails = ["answered", "not JSON", "reached", "Stub", "secret body"];

    private readonly IdentityProviderFixtures _providers = new(fixture.Stack);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LoopbackHttpStub Provider => fixture.EgressProvider;

    /// <summary>Discovery documents that point the token endpoint or the keys at the bystander, or name another issuer.</summary>
    private IEnumerable<(string Name, Action<JsonObject, string> Change, string Code)> MisleadingDiscoveries()
    {
        var bystander = fixture.Bystander.Port;
        foreach (var (form, url) in new[]
                 {
                     ("another loopback port", $"http://127.0.0.1:{bystander}"),
                     ("localhost at that port", $"http://localhost:{bystander}"),
                     ("its IPv4-mapped address", $"http://[::ffff:127.0.0.1]:{bystander}"),
                     ("a short form", $"http://127.1:{bystander}"),
                     ("a decimal form", $"http://2130706433:{bystander}"),
                     ("https at that port", $"https://127.0.0.1:{bystander}"),
                     ("user info naming the issuer's host", $"http://127.0.0.1:{Provider.Port}@127.0.0.1:{bystander}"),
                 })
        {
            yield return ($"token endpoint on {form}", (d, _) => d["token_endpoint"] = url + "/token", EndpointOffHost);
            yield return ($"jwks_uri with path and query on {form}", (d, _) => d["jwks_uri"] = url + "/keys?tenant=1&next=%2Fadmin", EndpointOffHost);
        }

        yield return ("another issuer", (d, issuer) => d["issuer"] = issuer + "-other", IssuerMismatch);
        yield return ("the issuer with a trailing slash", (d, issuer) => d["issuer"] = issuer + "/", IssuerMismatch);
        yield return ("the issuer in upper case", (d, issuer) => d["issuer"] = issuer.ToUpperInvariant(), IssuerMismatch);
        yield return ("no issuer", (d, _) => d.Remove("issuer"), IssuerMismatch);
        yield return ("the bystander as issuer", (d, _) => d["issuer"] = fixture.Bystander.BaseUrl, IssuerMismatch);
    }

    [Fact]
    public async Task ADiscoveryDocumentCannotSendTheCodeOrTheSecretOrTheKeyRequestElsewhere()
    {
        // Arrange + Act: one tenant and provider per case; the admin runs a test sign-in to the end.
        var cases = MisleadingDiscoveries().ToList();
        var failures = new List<string>();
        foreach (var (name, change, expected) in cases)
        {
            var contactsBefore = await fixture.Bystander.ContactsAsync(Ct);
            var (issuer, path) = NewRealm(change);
            var outcome = await TestSignInAsync(issuer);
            var problems = Problems(outcome, expected).ToList();
            if (await fixture.Bystander.ContactsAsync(Ct) != contactsBefore)
            {
                problems.Add("the bystander was contacted");
            }

            if (Provider.Requests.Contains($"POST {path}/token"))
            {
                problems.Add("the token endpoint got the code");
            }

            failures.AddRange(problems.Select(problem => $"{name}: {problem}"));
        }

        // Assert
        Assert.True(failures.Count == 0,
            $"{failures.Select(f => f.Split(':')[0]).Distinct().Count()} of {cases.Count} cases failed:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task ATokenEndpointsAnswerIsNeverRepeatedOnlyThatTheProviderCouldNotBeUsed()
    {
        // Arrange: correct discovery documents whose token endpoints answer in every wrong way.
        var answers = new (string Name, StubResponse Response)[]
        {
            ("405", new StubResponse(405, "secret body")),
            ("500 with a body", new StubResponse(500, "{\"error\":\"secret body\"}")),
            ("200 not JSON", new StubResponse(200, "<html>secret body</html>", "text/html")),
            ("200 JSON without an ID token", new StubResponse(200, "{\"access_token\":\"secret body\"}")),
            ("200 JSON array", new StubResponse(200, "[]")),
            ("302 elsewhere", new StubResponse(302, "", Location: fixture.Bystander.BaseUrl + "/token")),
        };

        // Act
        var failures = new List<string>();
        foreach (var (name, response) in answers)
        {
            var (issuer, path) = NewRealm((_, _) => { });
            Provider.Map("POST", path + "/token", () => response);
            failures.AddRange(Problems(await TestSignInAsync(issuer), TokenExchangeFailed).Select(problem => $"{name}: {problem}"));
        }

        // Assert
        Assert.True(failures.Count == 0,
            $"{failures.Select(f => f.Split(':')[0]).Distinct().Count()} of {answers.Length} cases failed:\n{string.Join('\n', failures)}");
        Assert.Equal(0, await fixture.Bystander.ContactsAsync(Ct));
    }

    [Fact]
    public async Task AnUnreachableProviderAndOneThatAnswersNonsenseLookTheSame()
    {
        // Arrange: nothing listening, a 404, a 500, a non-JSON page, a document too large.
        var issuers = new List<(string Name, string Issuer)> { ("nothing listening", $"http://127.0.0.1:{fixture.DeadPort}/realms/dead") };
        foreach (var (name, response) in new (string, StubResponse)[]
                 {
                     ("404", new StubResponse(404, "{}")),
                     ("500", new StubResponse(500, "secret body")),
                     ("not JSON", new StubResponse(200, "<html>secret body</html>", "text/html")),
                     ("too large", new StubResponse(200, "{\"x\":\"" + new string('x', 300 * 1024) + "\"}")),
                 })
        {
            var path = $"/realms/broken-{Guid.NewGuid():N}";
            Provider.Map("GET", path + "/.well-known/openid-configuration", () => response);
            issuers.Add((name, Provider.BaseUrl + path));
        }

        // Act
        var failures = new List<string>();
        foreach (var (name, issuer) in issuers)
        {
            failures.AddRange(Problems(await TestSignInAsync(issuer), DiscoveryFailed).Select(problem => $"{name}: {problem}"));
        }

        // Assert
        Assert.True(failures.Count == 0,
            $"{failures.Select(f => f.Split(':')[0]).Distinct().Count()} of {issuers.Count} cases failed:\n{string.Join('\n', failures)}");
    }

    /// <summary>What is wrong with a test sign-in's outcome: another code, another audit reason, or a remote detail shown.</summary>
    private static IEnumerable<string> Problems((string? Code, string? Reason, string Text) outcome, string expectedCode)
    {
        if (outcome.Code != expectedCode)
        {
            yield return $"code {outcome.Code ?? "none"}, expected {expectedCode}";
        }

        if (outcome.Reason is not null && outcome.Reason != "the provider could not be used")
        {
            yield return $"audited as \"{outcome.Reason}\"";
        }

        foreach (var detail in RemoteDetails.Where(detail => outcome.Text.Contains(detail, StringComparison.Ordinal)))
        {
            yield return $"shows \"{detail}\"";
        }
    }

    /// <summary>A realm of the stub provider: a standard discovery document (endpoints on the issuer's host), then the case's change.</summary>
    private (string Issuer, string Path) NewRealm(Action<JsonObject, string> change)
    {
        var path = $"/realms/egress-{Guid.NewGuid():N}";
        var issuer = Provider.BaseUrl + path;
        var discovery = new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = issuer + "/auth",
            ["token_endpoint"] = issuer + "/token",
            ["jwks_uri"] = issuer + "/jwks",
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        change(discovery, issuer);
        Provider.MapJson(path + "/.well-known/openid-configuration", discovery.ToJsonString());
        Provider.MapJson(path + "/jwks", """{"keys":[]}""");
        Provider.Map("POST", path + "/token", () => new StubResponse(400, """{"error":"invalid_grant"}"""));
        return (issuer, path);
    }

    /// <summary>
    /// A tenant whose admin registers the issuer (with a client secret) and runs a test sign-in as far
    /// as it goes. Returns the failure code (the start's answer, or the tenant's audit after the
    /// callback) and every text the admin gets to see: the answers and the tenant's audit.
    /// </summary>
    private async Task<(string? Code, string? Reason, string Text)> TestSignInAsync(string issuer)
    {
        var (tenant, _, asAdmin) = await _providers.TenantWithAdminAsync();
        var (reference, _) = _providers.NewSecretFile(tenant);
        var provider = (await IdentityProviderFixtures.CreateAsync(asAdmin, tenant, IdentityProviderFixtures.Body(issuer, reference)))["id"]!
            .GetValue<Guid>();
        var texts = new List<string>();
        string? code;
        using (var start = await asAdmin.PostAsJsonAsync("/api/auth/oidc/authorize",
                   new { providerId = provider, redirectUri = OidcAppFixture.RedirectUri, test = true }, Ct))
        {
            var body = await start.Content.ReadAsStringAsync(Ct);
            texts.Add(body);
            var json = JsonNode.Parse(body)!.AsObject();
            if (start.StatusCode == HttpStatusCode.OK)
            {
                using var callback = await OidcApi.CallbackAsync(asAdmin, json["state"]!.GetValue<string>(), "code-" + Guid.NewGuid().ToString("N"));
                texts.Add($"{(int)callback.StatusCode} {await callback.Content.ReadAsStringAsync(Ct)}");
                code = null;
            }
            else
            {
                texts.Add(((int)start.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                code = json["code"]?.GetValue<string>();
            }
        }

        var audit = await asAdmin.GetStringAsync($"/api/tenants/{tenant}/audit?limit=500", Ct);
        texts.Add(audit);
        var failure = JsonNode.Parse(audit)!["items"]!.AsArray()
            .FirstOrDefault(item => item!["action"]!.GetValue<string>() == "sso.login");
        string? reason = null;
        if (failure is not null)
        {
            reason = failure["after"]?["reason"]?.GetValue<string>();
            code = failure["after"]?["code"]?.GetValue<string>();
        }

        return (code, reason, string.Join('\n', texts));
    }
}
