using Platform.Core.Tenancy;
using Platform.Core.Tenancy.Invitations;

namespace Platform.Tests.Invitations;

/// <summary>
/// Tenant and inviter names are text their admins chose: whatever they hold, the mail keeps them to one
/// line in the subject, encoded in the HTML, and carries exactly one link, the platform's.
/// </summary>
public sealed class InvitationMailTests
{
    private const string Link = "https://app.example.com/invitation#token=pli_AAAAAAAAAAAAAAAAAAAAAA_secret";

    public static TheoryData<string> HostileNames() => new()
    {
        "Plain Tenant",
        "Line\r\nBcc: victim@example.com",
        "<a href=\"https://evil.example\">Click</a>",
        "\"quoted\" & 'single' <b>bold</b>",
        "Tab\there\u2028separator\u2029para",
        new string('x', 500),
        string.Concat(Enumerable.Repeat("😀", 100)),
        "<script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void NamesNeitherBreakTheSubjectNorAddMarkupOrLinks(string name)
    {
        var mail = InvitationMail.Compose("to@example.com", name, name, TenantRole.Admin, Link, DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain('\r', mail.Subject);
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.DoesNotContain('\u2028', mail.Subject);
        Assert.True(mail.Subject.Length < 200);
        Assert.False(char.IsHighSurrogate(mail.Subject.TrimEnd('…')[^1]), "a surrogate pair was split");
        Assert.DoesNotContain("<a href=\"https://evil", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("<b>", mail.HtmlBody);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mail.HtmlBody, "<a "));
        Assert.Contains(Link, mail.TextBody);
        Assert.Equal("to@example.com", mail.To);
        Assert.DoesNotContain("secret", mail.ToString());
    }

    public static TheoryData<string, string> PublicUrls() => new()
    {
        { "http://127.0.0.1:5080", "http://127.0.0.1:5080/invitation#token=" },
        { "http://127.0.0.1:5080/", "http://127.0.0.1:5080/invitation#token=" },
        { "https://app.example.com/platform/", "https://app.example.com/platform/invitation#token=" },
        { "https://app.example.com/platform?x=1#y", "https://app.example.com/platform/invitation#token=" },
    };

    [Theory]
    [MemberData(nameof(PublicUrls))]
    public void TheLinkPointsAtTheWebAppsPageWithTheSecretInTheFragment(string publicUrl, string expectedStart)
    {
        var links = new InvitationLinks { PublicUrl = new Uri(publicUrl) };

        var link = links.LinkFor("pli_id_secret+/=");

        Assert.Equal(expectedStart + "pli_id_secret%2B%2F%3D", link);
        Assert.Empty(new Uri(link).Query);
    }
}
