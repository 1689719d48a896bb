namespace Platform.Core.Tenancy.Invitations;

/// <param name="Token">The link's secret, as the page read it from the URL fragment.</param>
/// <param name="Password">A new account's password, or the reclaimed account's new one; none for an account that exists.</param>
/// <param name="DisplayName">A new account's name; the invitation's suggestion or the address's local part when omitted.</param>
public sealed record AcceptInvitationRequest(string? Token, string? Password, string? DisplayName)
{
    /// <summary>Never the secret or the password: records are printed by accident.</summary>
    public override string ToString() => $"AcceptInvitationRequest {{ DisplayName = {DisplayName} }}";
}
