using System.Net;
using Platform.Core.Email;

namespace Platform.Core.Tenancy.Invitations;

/// <summary>
/// The invitation e-mail. Tenant and inviter names are text their admins chose: encoded in the HTML
/// body and kept to one line in the subject, so that they cannot shape the message around the link.
/// </summary>
public static class InvitationMail
{
    public static EmailMessage Compose(string to, string tenantName, string? inviterName, TenantRole role, string link, DateTimeOffset expiresAt)
    {
        var tenant = OneLine(tenantName);
        var inviter = inviterName is null ? "An administrator" : OneLine(inviterName);
        var expiry = expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var roleName = role.ToString();
        var text = $"""
            {inviter} invited you to join "{tenant}" on the platform as {roleName}.

            Open this link to accept (it works once, until {expiry}):
            {link}

            If you did not expect this invitation, ignore this e-mail: nothing happens unless the link is opened and accepted.
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><body>
            <p>{Encode(inviter)} invited you to join <strong>{Encode(tenant)}</strong> on the platform as {Encode(roleName)}.</p>
            <p><a href="{Encode(link)}">Accept the invitation</a> (the link works once, until {Encode(expiry)}).</p>
            <p>If you did not expect this invitation, ignore this e-mail: nothing happens unless the link is opened and accepted.</p>
            </body></html>
            """;
        return new EmailMessage(to, $"Invitation to {tenant}", text, html);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        var length = line.Length <= 120 ? line.Length : char.IsHighSurrogate(line[119]) ? 119 : 120;
        return length == line.Length ? line : line[..length] + "…";
    }
}
