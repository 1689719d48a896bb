using MailKit.Security;
using Platform.Core.Email;

namespace Platform.Tests.Email;

/// <summary>
/// The "smtp" connection string (the form Aspire's MailDev integration hands out) and the choice
/// of transport security it leads to. Pure functions: the hosts here are data, never contacted.
/// </summary>
public sealed class SmtpServerSettingsTests
{
    // Generated per run, with the characters the parser must keep inside a value (':' and '@').
    private static readonly string PasswordWithSeparators = $"p@{Guid.NewGuid():N}:x";

    public static TheoryData<string, string, int, bool, string?, string?> Valid => new()
    {
        { "Endpoint=smtp://127.0.0.1:1025", "127.0.0.1", 1025, false, null, null },
        { $"Endpoint=smtp://localhost:2525;Username=app;Password={PasswordWithSeparators}", "localhost", 2525, false, "app", PasswordWithSeparators },
        { "Endpoint=smtp://mail.example.com;Username=app;Password=\"p;ss=w\"", "mail.example.com", 587, false, "app", "p;ss=w" },
        { "Endpoint=smtps://mail.example.com", "mail.example.com", 465, true, null, null },
        { "Endpoint=smtps://mail.example.com:10465", "mail.example.com", 10465, true, null, null },
        { "endpoint=SMTP://Mail.Example.COM:25", "mail.example.com", 25, false, null, null },
        { "Endpoint=smtp://[::1]:1025", "::1", 1025, false, null, null },
        { "Endpoint=smtp://bücher.example:587", "xn--bcher-kva.example", 587, false, null, null },
        { "Endpoint=smtp://relay.example.com:587;Username=;Password=", "relay.example.com", 587, false, null, null },
    };

    public static TheoryData<string> Invalid =>
    [
        "",
        "smtp://127.0.0.1:1025",
        "Host=127.0.0.1;Port=1025",
        "Endpoint=",
        "Endpoint=127.0.0.1:1025",
        "Endpoint=http://127.0.0.1:1025",
        "Endpoint=smtp:///nohost",
        "Endpoint=smtp://user:secret@mail.example.com:587",
        "Endpoint=smtp://mail.example.com:587/path",
        "Endpoint=smtp://mail.example.com:99999",
        "Endpoint=\"unterminated",
    ];

    [Theory]
    [MemberData(nameof(Valid))]
    public void AValidConnectionStringNamesTheServer(string connectionString, string host, int port, bool implicitTls, string? username, string? password)
    {
        var settings = SmtpServerSettings.Parse(connectionString);

        Assert.Equal(host, settings.Host, ignoreCase: true);
        Assert.Equal(port, settings.Port);
        Assert.Equal(implicitTls, settings.ImplicitTls);
        Assert.Equal(username, settings.Username);
        Assert.Equal(password, settings.Password);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnInvalidConnectionStringIsRejectedWithoutRepeatingIt(string connectionString)
    {
        var failure = Assert.Throws<FormatException>(() => SmtpServerSettings.Parse(connectionString));

        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unterminated", failure.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, bool> Hosts => new()
    {
        { "127.0.0.1", true }, { "127.0.0.53", true }, { "127.255.255.254", true }, { "localhost", true },
        { "LOCALHOST", true }, { "[::1]", true },
        { "10.0.0.1", false }, { "192.168.1.10", false }, { "169.254.0.1", false }, { "172.16.0.1", false },
        { "0.0.0.0", false }, { "[::]", false }, { "[fe80::1]", false }, { "mail.example.com", false },
        { "localhost.example.com", false }, { "127.0.0.1.example.com", false },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void OnlyLoopbackHostsMayBeReachedInPlainTextByDefault(string host, bool loopback)
    {
        var settings = SmtpServerSettings.Parse($"Endpoint=smtp://{host}:2525");

        Assert.Equal(loopback, settings.IsLoopback);
        Assert.Equal(loopback ? SecureSocketOptions.None : SecureSocketOptions.StartTls,
            SmtpEmailSender.SecureSocketOptionsFor(settings, SmtpSecurity.Auto));
    }

    public static TheoryData<string, SmtpSecurity, SecureSocketOptions> Choices => new()
    {
        // An explicit setting wins over what the address suggests, in both directions.
        { "Endpoint=smtp://127.0.0.1:25", SmtpSecurity.StartTls, SecureSocketOptions.StartTls },
        { "Endpoint=smtp://127.0.0.1:465", SmtpSecurity.SslOnConnect, SecureSocketOptions.SslOnConnect },
        { "Endpoint=smtp://mail.example.com:25", SmtpSecurity.None, SecureSocketOptions.None },
        { "Endpoint=smtp://mail.example.com:465", SmtpSecurity.SslOnConnect, SecureSocketOptions.SslOnConnect },
        { "Endpoint=smtps://mail.example.com", SmtpSecurity.Auto, SecureSocketOptions.SslOnConnect },
        { "Endpoint=smtps://127.0.0.1:465", SmtpSecurity.Auto, SecureSocketOptions.SslOnConnect },
        { "Endpoint=smtp://mail.example.com", SmtpSecurity.Auto, SecureSocketOptions.StartTls },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void TheSecuritySettingChoosesTheTransport(string connectionString, SmtpSecurity security, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpEmailSender.SecureSocketOptionsFor(SmtpServerSettings.Parse(connectionString), security));

    [Fact]
    public void ThePasswordIsNeverPrinted()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var settings = SmtpServerSettings.Parse($"Endpoint=smtp://mail.example.com:587;Username=app;Password={password}");

        Assert.DoesNotContain(password, settings.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string?, string?> Unconfigured => new()
    {
        { null, "Platform <no-reply@example.com>" },
        { "Endpoint=smtp://127.0.0.1:1", null },
        { "Endpoint=smtp://127.0.0.1:1", "" },
        { "Endpoint=smtp://127.0.0.1:1", "not an address" },
    };

    [Theory]
    [MemberData(nameof(Unconfigured))]
    public async Task WithoutAServerOrASenderEverySendFailsAsNotConfigured(string? connectionString, string? from)
    {
        var sender = new SmtpEmailSender(connectionString is null ? null : SmtpServerSettings.Parse(connectionString),
            new EmailOptions { From = from }, Microsoft.Extensions.Logging.Abstractions.NullLogger<SmtpEmailSender>.Instance);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            sender.SendAsync(new EmailMessage("a@example.com", "s", "t", "h"), TestContext.Current.CancellationToken));

        Assert.Equal(EmailDeliveryReasons.NotConfigured, failure.Reason);
    }
}
