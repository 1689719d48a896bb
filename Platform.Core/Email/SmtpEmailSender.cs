using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Platform.Core.Email;

/// <summary>
/// Sends each message over its own SMTP connection (MailKit): invitations are rare, and a pooled
/// connection would only add a stale-connection failure mode. Logs the recipient's domain at most,
/// never an address or a body (bodies carry single-use links).
/// </summary>
public sealed partial class SmtpEmailSender : IEmailSender
{
    private readonly SmtpServerSettings? _server;
    private readonly EmailOptions _options;
    private readonly MailboxAddress? _from;
    private readonly ILogger<SmtpEmailSender> _logger;

    /// <param name="server">Null when the platform has no "smtp" connection string: every send then fails as not-configured.</param>
    public SmtpEmailSender(SmtpServerSettings? server, EmailOptions options, ILogger<SmtpEmailSender> logger)
    {
        _server = server;
        _options = options;
        _logger = logger;
        _from = MailboxAddress.TryParse(options.From ?? string.Empty, out var from) ? from : null;
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var domain = RecipientDomain(message.To);
        if (_server is null || _from is null)
        {
            LogNotConfigured(domain);
            throw new EmailDeliveryException(EmailDeliveryReasons.NotConfigured,
                $"No mail server is configured (connection string \"{SmtpServerSettings.ConnectionName}\" and {EmailOptions.Section}:From).");
        }

        if (!MailboxAddress.TryParse(message.To, out var to))
        {
            LogRefused(domain, "the recipient is not a mailbox address");
            throw new EmailDeliveryException(EmailDeliveryReasons.Refused, "The recipient is not a mailbox address.");
        }

        using var mime = Compose(_from, to, message);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_server.Host, _server.Port, SecureSocketOptionsFor(_server, _options.Security), deadline.Token);
            if (_server.Username is not null)
            {
                await client.AuthenticateAsync(_server.Username, _server.Password ?? string.Empty, deadline.Token);
            }

            await client.SendAsync(mime, deadline.Token);
        }
        catch (Exception exception) when (Classify(exception, cancellationToken) is { } reason)
        {
            LogFailed(domain, reason, exception.GetType().Name);
            throw new EmailDeliveryException(reason, reason == EmailDeliveryReasons.Refused
                ? $"The mail server {_server.Host}:{_server.Port} refused the message."
                : $"The mail server {_server.Host}:{_server.Port} could not be reached.", exception);
        }

        LogSent(domain);
        try
        {
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The server took the message already; a failed QUIT changes nothing for the caller.
        }
    }

    /// <summary>STARTTLS unless told otherwise; plain text only to this machine (see <see cref="SmtpSecurity.Auto"/>).</summary>
    public static SecureSocketOptions SecureSocketOptionsFor(SmtpServerSettings server, SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ when server.ImplicitTls => SecureSocketOptions.SslOnConnect,
        _ when server.IsLoopback => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static MimeMessage Compose(MailboxAddress from, MailboxAddress to, EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(from);
        mime.To.Add(to);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    /// <summary>The reason code of a failure, or null for what is not a delivery failure (the caller's own cancellation, a bug).</summary>
    private static string? Classify(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException when callerToken.IsCancellationRequested => null,
        OperationCanceledException or TimeoutException => EmailDeliveryReasons.Unreachable,
        AuthenticationException or SmtpCommandException or NotSupportedException => EmailDeliveryReasons.Refused,
        SslHandshakeException or SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException
            => EmailDeliveryReasons.Unreachable,
        _ => null,
    };

    private static string RecipientDomain(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "(no domain)";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail handed to the mail server for a recipient at {RecipientDomain}")]
    private partial void LogSent(string recipientDomain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail for a recipient at {RecipientDomain} not sent ({Reason}, {ExceptionType})")]
    private partial void LogFailed(string recipientDomain, string reason, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail for a recipient at {RecipientDomain} not sent: {Why}")]
    private partial void LogRefused(string recipientDomain, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail for a recipient at {RecipientDomain} not sent: no mail server is configured")]
    private partial void LogNotConfigured(string recipientDomain);
}
