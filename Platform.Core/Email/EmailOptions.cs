namespace Platform.Core.Email;

/// <summary>The platform's e-mail settings (section <c>Platform:Email</c>); the server is the "smtp" connection string.</summary>
public sealed class EmailOptions
{
    public const string Section = "Platform:Email";

    /// <summary>The sender, as an address with an optional display name: <c>Platform &lt;no-reply@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>
    /// The longest a whole delivery (connect, TLS, sign-in, send) may take: the caller is usually a
    /// request waiting for it, and a mail server that hangs must not hold it for minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
