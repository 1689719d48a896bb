namespace Platform.Core.Email;

/// <summary>The stable reason codes of <see cref="EmailDeliveryException"/>.</summary>
public static class EmailDeliveryReasons
{
    /// <summary>No connection to the mail server: down, unknown host, TLS failed, or no answer in time.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The mail server answered but would not take the message (sign-in, sender, recipient, STARTTLS missing).</summary>
    public const string Refused = "refused";

    /// <summary>The platform has no mail server or no sender address configured.</summary>
    public const string NotConfigured = "not-configured";
}
