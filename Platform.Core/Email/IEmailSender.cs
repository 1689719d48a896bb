namespace Platform.Core.Email;

/// <summary>Hands e-mails to the operator's mail server (SMTP); the local stack's is MailDev.</summary>
public interface IEmailSender
{
    /// <exception cref="EmailDeliveryException">The mail server could not be reached or refused the message.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
