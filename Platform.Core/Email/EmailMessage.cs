namespace Platform.Core.Email;

/// <summary>
/// One e-mail to one recipient, as plain text and HTML. Bodies may carry a single-use secret (an
/// invitation link): whatever sends a message never logs its bodies.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>Never the bodies: records are printed by accident.</summary>
    public override string ToString() => $"EmailMessage {{ To = {To}, Subject = {Subject} }}";
}
