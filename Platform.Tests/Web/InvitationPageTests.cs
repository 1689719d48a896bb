using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Browser;

namespace Platform.Tests.Web;

/// <summary>
/// The page an invitation link opens (<c>/invitation#token=…</c>), in a real browser: its script
/// takes the token out of the fragment and the address bar and posts it, the server asks the API,
/// and an unusable token shows the not-valid message. The token never appears in a URL the browser
/// requests, in the address bar afterwards, or in any log of the stack.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class InvitationPageTests(PlatformAppFixture fixture, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string NotValid = "This invitation link is not valid any more: ask your admin for a new one.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Tokens no invitation has: unknown, truncated, malformed, far too long, hostile markup.</summary>
    public static TheoryData<string> UnusableTokens =>
    [
        "unknown",
        "pli_",
        "pli_" + new string('0', 43),
        "not-a-token",
        "pli_" + new string('a', 300),
        "<script>window.__injected=1</script>",
        "pli_\"'><img src=x onerror=window.__injected=1>",
        "pli_ünïcödé_東京",
        "pli_%00%0d%0a",
    ];

    [Theory]
    [MemberData(nameof(UnusableTokens))]
    public async Task AnUnusableTokenShowsTheNotValidMessageAndLeavesNoTraceInUrlsOrLogs(string kind)
    {
        // Each case's token is unique, so that its own traces can be looked for.
        var token = kind == "unknown"
            ? "pli_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))
            : kind + Guid.NewGuid().ToString("N");

        await using var tab = await chromium.NewTabAsync();
        var page = tab.Page;

        var response = await page.GotoAsync(new Uri(fixture.WebEndpoint, "/invitation").AbsoluteUri + "#token=" + Uri.EscapeDataString(token));
        await Assertions.Expect(page.GetByTestId("problem-title")).ToHaveTextAsync(NotValid);

        Assert.Equal(new Uri(fixture.WebEndpoint, "/invitation").AbsoluteUri, page.Url);
        Assert.DoesNotContain(tab.RequestedUrls, url => url.Contains(Uri.EscapeDataString(token), StringComparison.Ordinal)
            || url.Contains("token", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(tab.ScriptErrors);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__injected ?? null"));
        Assert.Equal(1, await page.Locator("[data-testid=problem]").CountAsync());
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("no-store", headers["cache-control"], StringComparison.Ordinal);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.DoesNotContain(fixture.Logs, entry => entry.Line.Content.Contains(token, StringComparison.Ordinal));
    }

    /// <summary>Addresses of the page whose fragment holds no token (or one that cannot be decoded).</summary>
    public static TheoryData<string> FragmentsWithoutToken => ["", "#", "#token=", "#tok=pli_abc", "#tokens=pli_abc", "#token=%E0%A4%A", "#other=1&x=2"];

    [Theory]
    [MemberData(nameof(FragmentsWithoutToken))]
    public async Task AnAddressWithoutATokenSaysSoAndPostsNothing(string fragment)
    {
        await using var tab = await chromium.NewTabAsync();
        var page = tab.Page;

        await page.GotoAsync(new Uri(fixture.WebEndpoint, "/invitation").AbsoluteUri + fragment);
        await Assertions.Expect(page.GetByTestId("invitation-missing")).ToBeVisibleAsync();

        Assert.Equal(new Uri(fixture.WebEndpoint, "/invitation").AbsoluteUri, page.Url);
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("() => window.location.hash"));
        Assert.Empty(tab.ScriptErrors);
        Assert.Equal(0, await page.Locator("[data-testid=problem]").CountAsync());
    }

    [Fact]
    public async Task WithoutJavaScriptThePageExplainsThatItNeedsJavaScript()
    {
        await using var tab = await chromium.NewTabAsync(javaScriptEnabled: false);
        var page = tab.Page;
        var token = "pli_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        await page.GotoAsync(new Uri(fixture.WebEndpoint, "/invitation").AbsoluteUri + "#token=" + token);

        await Assertions.Expect(page.GetByTestId("needs-javascript")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("needs-javascript")).ToContainTextAsync("needs JavaScript");
        Assert.DoesNotContain(tab.RequestedUrls, url => url.Contains(token, StringComparison.Ordinal));
        // Nothing was posted: the page is still the first one.
        Assert.Equal(0, await page.Locator("[data-testid=problem]").CountAsync());
    }

    [Fact]
    public async Task ThePageIsNeitherCachedNorNamedInReferrersAndRunsOnlyItsOwnScripts()
    {
        using var http = new HttpClient { BaseAddress = fixture.WebEndpoint };

        using var response = await http.GetAsync("/invitation", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("script-src 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", html);
        Assert.Contains("<noscript>", html, StringComparison.Ordinal);
    }

    /// <summary>Forged posts: without the antiforgery token of a page the browser loaded, no form is handled.</summary>
    public static TheoryData<string> FormNames => ["invitation-preview", "invitation-accept"];

    [Theory]
    [MemberData(nameof(FormNames))]
    public async Task AFormPostedWithoutTheAntiforgeryTokenIsRefused(string formName)
    {
        using var http = new HttpClient { BaseAddress = fixture.WebEndpoint };
        var token = "pli_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        using var response = await http.PostAsync("/invitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = formName,
            ["Preview.Token"] = token,
            ["Accept.Token"] = token,
            ["Accept.Password"] = "a-password-long-enough",
            ["Accept.RepeatPassword"] = "a-password-long-enough",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
