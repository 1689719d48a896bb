using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A browser without JavaScript: cookies, no automatic redirects, HTML forms posted by hand. Drives
/// an authorization-code sign-in from any starting URL (the provider's authorization URL or an app
/// route that redirects there) through the provider's login form to the client's redirect URI.
/// The same instance (same cookies) can then call the app's callback.
/// </summary>
public sealed partial class OidcBrowser : IDisposable
{
    private const int MaxRedirects = 20;

    public OidcBrowser()
    {
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = Cookies,
        });
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>Follows redirects from <paramref name="start"/> to the provider's login form.</summary>
    public async Task<OidcLoginForm> OpenLoginFormAsync(Uri start, CancellationToken cancellationToken = default)
    {
        var url = start;
        for (var hop = 0; hop < MaxRedirects; hop++)
        {
            using var response = await Client.GetAsync(url, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                url = new Uri(url, response.Headers.Location!);
                continue;
            }

            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || FormAction().Match(html) is not { Success: true } action)
            {
                throw new InvalidOperationException($"Expected the login form at {url.GetLeftPart(UriPartial.Path)}, got {(int)response.StatusCode}: {Shorten(html)}");
            }

            return new OidcLoginForm(new Uri(url, WebUtility.HtmlDecode(action.Groups["action"].Value)), html);
        }

        throw new InvalidOperationException($"More than {MaxRedirects} redirects from {start.GetLeftPart(UriPartial.Path)}.");
    }

    /// <summary>Posts credentials to the login form; the raw answer (a 303, or the form again).</summary>
    public Task<HttpResponseMessage> PostLoginAsync(OidcLoginForm form, string login, string password, CancellationToken cancellationToken = default) =>
        Client.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login,
            ["password"] = password,
        }), cancellationToken);

    /// <summary>
    /// Signs in and follows redirects until one points at <paramref name="redirectUri"/> (not
    /// requested: the caller decides whether to call its app's callback). With
    /// <c>response_mode=form_post</c> (ASP.NET's OpenID Connect handler's default) the provider
    /// answers with an auto-submitting form instead: its fields are returned, to be posted by the
    /// caller (<see cref="OidcCallback.PostToAppAsync"/>).
    /// </summary>
    public async Task<OidcCallback> SignInAsync(Uri start, string login, string password, string redirectUri, CancellationToken cancellationToken = default)
    {
        var form = await OpenLoginFormAsync(start, cancellationToken);
        using var posted = await PostLoginAsync(form, login, password, cancellationToken);
        if (!IsRedirect(posted.StatusCode))
        {
            var html = await posted.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"The provider did not accept the sign-in ({(int)posted.StatusCode}): {Shorten(html)}");
        }

        var url = new Uri(form.Action, posted.Headers.Location!);
        for (var hop = 0; hop < MaxRedirects; hop++)
        {
            if (url.GetLeftPart(UriPartial.Path) == new Uri(redirectUri).GetLeftPart(UriPartial.Path))
            {
                return OidcCallback.Parse(url);
            }

            using var response = await Client.GetAsync(url, cancellationToken);
            if (!IsRedirect(response.StatusCode))
            {
                var html = await response.Content.ReadAsStringAsync(cancellationToken);
                if (FormAction().Match(html) is { Success: true } post
                    && new Uri(url, WebUtility.HtmlDecode(post.Groups["action"].Value)) is var action
                    && action.GetLeftPart(UriPartial.Path) == new Uri(redirectUri).GetLeftPart(UriPartial.Path))
                {
                    var fields = HiddenInput().Matches(html).ToDictionary(
                        m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
                    return OidcCallback.FromFormPost(action, fields);
                }

                throw new InvalidOperationException($"Expected a redirect to {redirectUri}, got {(int)response.StatusCode} at {url.GetLeftPart(UriPartial.Path)}: {Shorten(html)}");
            }

            url = new Uri(url, response.Headers.Location!);
        }

        throw new InvalidOperationException($"More than {MaxRedirects} redirects after signing in.");
    }

    public void Dispose() => Client.Dispose();

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}

/// <summary>The provider's login form as served: where it posts to, and its HTML.</summary>
public sealed record OidcLoginForm(Uri Action, string Html);

/// <summary>
/// The answer for the client's redirect URI: a code and state, or an error. Either a redirect
/// (<see cref="FormPostFields"/> null) or, with response_mode=form_post, the fields to post.
/// </summary>
public sealed record OidcCallback(Uri Uri, string? Code, string? State, string? Error, string? ErrorDescription)
{
    public IReadOnlyDictionary<string, string>? FormPostFields { get; init; }

    public static OidcCallback Parse(Uri uri)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        return new OidcCallback(uri, query["code"], query["state"], query["error"], query["error_description"]);
    }

    public static OidcCallback FromFormPost(Uri action, IReadOnlyDictionary<string, string> fields) =>
        new(action, fields.GetValueOrDefault("code"), fields.GetValueOrDefault("state"), fields.GetValueOrDefault("error"), fields.GetValueOrDefault("error_description"))
        {
            FormPostFields = fields,
        };

    /// <summary>Delivers the answer to the app as the browser would: GET the redirect, or POST the form.</summary>
    public Task<HttpResponseMessage> PostToAppAsync(OidcBrowser browser, CancellationToken cancellationToken = default) =>
        FormPostFields is null
            ? browser.Client.GetAsync(Uri, cancellationToken)
            : browser.Client.PostAsync(Uri, new FormUrlEncodedContent(FormPostFields), cancellationToken);
}
