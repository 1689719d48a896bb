using System.Data.Common;
using System.Net;

namespace Platform.Core.Email;

/// <summary>
/// Where the mail server is, parsed from the "smtp" connection string in the form Aspire's MailDev
/// integration hands out: <c>Endpoint=smtp://host:port[;Username=…;Password=…]</c>
/// (<c>smtps://</c> means TLS from the first byte).
/// </summary>
public sealed record SmtpServerSettings(string Host, int Port, bool ImplicitTls, string? Username, string? Password)
{
    public const string ConnectionName = "smtp";

    /// <summary>Submission with STARTTLS when the endpoint names no port; 465 for <c>smtps://</c>.</summary>
    private const int DefaultSubmissionPort = 587;
    private const int DefaultImplicitTlsPort = 465;

    /// <exception cref="FormatException">The text is not such a connection string; the message never repeats it (it may hold a password).</exception>
    public static SmtpServerSettings Parse(string connectionString)
    {
        DbConnectionStringBuilder parts;
        try
        {
            parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            throw new FormatException("The SMTP connection string is not a list of key=value pairs.");
        }

        string? Get(string key) => parts.TryGetValue(key, out var value) ? Convert.ToString(value) : null;

        var endpoint = Get("Endpoint") ?? throw new FormatException("The SMTP connection string has no Endpoint (smtp://host:port).");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps")
            || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath is not ("" or "/") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new FormatException("The SMTP connection string's Endpoint is not smtp://host:port or smtps://host:port.");
        }

        var implicitTls = uri.Scheme == "smtps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (implicitTls ? DefaultImplicitTlsPort : DefaultSubmissionPort) : uri.Port;
        var username = Get("Username");
        return new SmtpServerSettings(uri.IdnHost, port, implicitTls,
            string.IsNullOrEmpty(username) ? null : username, Get("Password"));
    }

    /// <summary>A loopback host: the mail server runs on this machine, and plain text never leaves it.</summary>
    public bool IsLoopback =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Never prints the password: records are logged and shown in exceptions by accident.</summary>
    public override string ToString() => $"{(ImplicitTls ? "smtps" : "smtp")}://{Host}:{Port} as {Username ?? "(anonymous)"}";
}
