namespace Platform.Core.Identity.Mfa;

/// <summary>A started enrolment: the secret for the user's app, shown this once.</summary>
public sealed record MfaEnrolment(byte[] Secret, string AccountName, DateTimeOffset ExpiresAt)
{
    public string SecretBase32 => TotpCodes.ToBase32(Secret);

    public string KeyUri => TotpCodes.KeyUri(Secret, AccountName);

    /// <summary>Never the secret: records are printed by accident.</summary>
    public override string ToString() => $"MFA enrolment of {AccountName}";
}
