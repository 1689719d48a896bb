namespace Platform.Core.Identity.Mfa;

/// <summary>What a code given as the second factor turned out to be.</summary>
public enum MfaCodeCheck
{
    /// <summary>Wrong, replayed, or a recovery code used before: all one answer.</summary>
    Invalid,
    Totp,
    RecoveryCode,
}
