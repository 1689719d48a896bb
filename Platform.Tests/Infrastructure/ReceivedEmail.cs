using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Tests.Infrastructure;

/// <summary>An e-mail as MailDev caught it.</summary>
public sealed partial record ReceivedEmail(string Id, IReadOnlyList<string> To, string? From, string Subject, string? Text, string? Html)
{
    /// <summary>
    /// The first http(s) link of the plain-text body, else of the HTML body (an href, entities
    /// decoded): what a recipient clicks. Null when there is none.
    /// </summary>
    public string? FirstLink =>
        (Text is null ? null : TextLink().Match(Text) is { Success: true } text ? text.Value : null)
        ?? (Html is null ? null : HtmlLink().Match(Html) is { Success: true } html ? WebUtility.HtmlDecode(html.Groups["url"].Value) : null);

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex TextLink();

    [GeneratedRegex(@"href\s*=\s*[""'](?<url>https?://[^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLink();
}
