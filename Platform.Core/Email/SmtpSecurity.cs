namespace Platform.Core.Email;

/// <summary>How the connection to the mail server is protected (<c>Platform:Email:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS required, except plain text to a loopback host (the local stack's MailDev).</summary>
    Auto,

    /// <summary>Plain text: only for a mail server on a network the operator trusts.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS; refused when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}
