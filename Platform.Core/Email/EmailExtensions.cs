using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Email;

public static class EmailExtensions
{
    /// <summary>
    /// Registers <see cref="IEmailSender"/> over SMTP: the "smtp" connection string and
    /// <c>Platform:Email</c>. Without a connection string the service still starts and every send
    /// fails as not-configured (a platform without mail works, minus invitations); a malformed one
    /// stops it at start, naming the setting but not its value.
    /// </summary>
    public static TBuilder AddEmail<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(SmtpServerSettings.ConnectionName);
        SmtpServerSettings? server = null;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                server = SmtpServerSettings.Parse(connectionString);
            }
            catch (FormatException exception)
            {
                throw new InvalidOperationException(
                    $"Connection string '{SmtpServerSettings.ConnectionName}' (the mail server): {exception.Message}", exception);
            }
        }

        var options = builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (server is not null && !MimeKit.MailboxAddress.TryParse(options.From ?? string.Empty, out _))
        {
            throw new InvalidOperationException(
                $"{EmailOptions.Section}:From (the sender of the platform's e-mails) is missing or not an address such as 'Platform <no-reply@example.com>'.");
        }

        builder.Services.AddSingleton<IEmailSender>(services =>
            new SmtpEmailSender(server, options, services.GetRequiredService<ILogger<SmtpEmailSender>>()));
        return builder;
    }
}
