using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Platform.Core.Email;
using Platform.Tests.Infrastructure;
using Platform.Tests.Redaction;

namespace Platform.Tests.Email;

/// <summary>
/// The real <see cref="SmtpEmailSender"/>, built from the running stack's "smtp" connection string,
/// delivers to the stack's MailDev, and what arrives is what was sent; failures carry their reason
/// code. Every message carries a fresh single-use secret, which must appear in no log.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class SmtpDeliveryTests(PlatformAppFixture fixture)
{
    private const string From = "Platform tests <no-reply@platform.localhost>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Kinds of message: plain, non-ASCII, long lines and bodies, HTML entities in links, unusual recipients.</summary>
    public static TheoryData<string> Kinds => ["plain", "unicode", "long", "html-entities", "plus-address", "upper-case-address"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AMessageSentThroughTheStacksMailServerArrivesAsSent(string kind)
    {
        var secret = "pli_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var (message, link) = Message(kind, secret);
        var logs = new CapturingLoggerProvider();
        var sender = await SenderAsync(logs);

        await sender.SendAsync(message, Ct);
        var received = await fixture.MailInbox.WaitForMessageToAsync(message.To, Ct);

        Assert.Contains(message.To, received.To, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("no-reply@platform.localhost", received.From);
        Assert.Equal(message.Subject, received.Subject);
        Assert.Equal(Normalized(message.TextBody), Normalized(received.Text));
        Assert.Equal(Normalized(message.HtmlBody), Normalized(received.Html));
        Assert.Equal(link, received.FirstLink);
        // Neither the sender's log nor any of the stack's logs carries the secret, a body or the address.
        Assert.DoesNotContain(logs.Output, line => line.Contains(secret, StringComparison.Ordinal)
            || line.Contains(message.To.Split('@')[0], StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs.Output, line => line.Contains(message.To.Split('@')[1], StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(fixture.Logs, entry => entry.Line.Content.Contains(secret, StringComparison.Ordinal));

        await fixture.MailInbox.DeleteAsync(received.Id, Ct);
        Assert.Null(await fixture.MailInbox.GetAsync(received.Id, Ct));
    }

    [Fact]
    public async Task ANonLoopbackStyleStartTlsRequirementIsRefusedByAServerWithoutStartTls()
    {
        // MailDev offers no STARTTLS: a sender told to require it must refuse to send in plain text.
        var to = $"starttls-{Guid.NewGuid():N}@example.localhost";
        var sender = await SenderAsync(new CapturingLoggerProvider(), SmtpSecurity.StartTls);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            sender.SendAsync(new EmailMessage(to, "Subject", "text", "<p>html</p>"), Ct));

        Assert.Equal(EmailDeliveryReasons.Refused, failure.Reason);
        Assert.Empty(await fixture.MailInbox.MessagesToAsync(to, Ct));
    }

    [Fact]
    public async Task AMailServerThatDoesNotListenIsUnreachable()
    {
        // A free loopback port: nothing listens there, so the connection is refused at once.
        var port = FreePorts.Take(1)[0];
        var sender = new SmtpEmailSender(SmtpServerSettings.Parse($"Endpoint=smtp://127.0.0.1:{port}"),
            new EmailOptions { From = From }, Logger(new CapturingLoggerProvider()));

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            sender.SendAsync(new EmailMessage("someone@example.localhost", "Subject", "text", "<p>html</p>"), Ct));

        Assert.Equal(EmailDeliveryReasons.Unreachable, failure.Reason);
        Assert.DoesNotContain("someone", failure.Message, StringComparison.Ordinal);
    }

    private async Task<SmtpEmailSender> SenderAsync(CapturingLoggerProvider logs, SmtpSecurity security = SmtpSecurity.Auto)
    {
        var connectionString = await fixture.ConnectionStringAsync(SmtpServerSettings.ConnectionName)
            ?? throw new InvalidOperationException("The stack has no smtp connection string.");
        return new SmtpEmailSender(SmtpServerSettings.Parse(connectionString),
            new EmailOptions { From = From, Security = security }, Logger(logs));
    }

    private static ILogger<SmtpEmailSender> Logger(CapturingLoggerProvider provider) =>
        LoggerFactory.Create(logging => logging.AddProvider(provider).SetMinimumLevel(LogLevel.Trace)).CreateLogger<SmtpEmailSender>();

    private static (EmailMessage Message, string Link) Message(string kind, string secret)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var link = $"http://localhost:5080/invitation#token={secret}";
        return kind switch
        {
            "plain" => (new EmailMessage($"plain-{unique}@example.localhost", "You are invited",
                $"Open this link to join:\n{link}\n", $"<p>Open <a href=\"{link}\">this link</a> to join.</p>"), link),
            "unicode" => (new EmailMessage($"unicode-{unique}@example.localhost", "Einladung für Zoë — 東京 ✓",
                $"Grüße aus Zürich: {link}\nÆøå ß 東京\n", $"<p>Grüße — <a href=\"{link}\">Einladung annehmen</a> 東京</p>"), link),
            "long" => (new EmailMessage($"long-{unique}@example.localhost", new string('S', 200),
                $"{link}\n{string.Join('\n', Enumerable.Range(0, 200).Select(i => $"line {i} " + new string('x', 120)))}\n{new string('y', 2000)}\n",
                $"<p><a href=\"{link}\">go</a></p><p>{new string('z', 5000)}</p>"), link),
            "html-entities" => (new EmailMessage($"entities-{unique}@example.localhost", "Tom & Jerry <admins>",
                $"Link: {link}&x=1\n", $"<p><a href=\"{link}&amp;x=1\">Tom &amp; Jerry</a></p>"), link + "&x=1"),
            "plus-address" => (new EmailMessage($"first.last+invite-{unique}@example.localhost", "Plus",
                $"{link}\n", $"<a href=\"{link}\">x</a>"), link),
            "upper-case-address" => (new EmailMessage($"Upper-{unique}@Example.Localhost", "Upper",
                $"{link}\n", $"<a href=\"{link}\">x</a>"), link),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>Line endings and the trailing newline are the transport's, not the message's.</summary>
    private static string Normalized(string? body) => (body ?? string.Empty).ReplaceLineEndings("\n").TrimEnd('\n');
}
