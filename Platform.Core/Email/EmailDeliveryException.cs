namespace Platform.Core.Email;

/// <summary>
/// The mail server did not take a message. <see cref="Reason"/> is a stable code for audit records and
/// API answers (<c>unreachable</c>, <c>refused</c>, <c>not-configured</c>); the message names no secret.
/// </summary>
public sealed class EmailDeliveryException(string reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Reason { get; } = reason;
}
