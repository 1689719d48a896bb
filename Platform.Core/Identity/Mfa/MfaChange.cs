namespace Platform.Core.Identity.Mfa;

/// <summary>Why a change of a user's MFA did not happen, or <see cref="Done"/>.</summary>
public enum MfaChangeOutcome
{
    Done,

    /// <summary>MFA is enabled already (enrol) or not enabled (remove, regenerate).</summary>
    WrongState,

    /// <summary>No enrolment to confirm, or it expired.</summary>
    NoPendingEnrolment,

    WrongPassword,

    /// <summary>A wrong or replayed code, or the account is locked after too many of them.</summary>
    InvalidCode,
}

/// <param name="RecoveryCodes">New recovery codes, shown once (confirm, regenerate).</param>
public sealed record MfaChange(MfaChangeOutcome Outcome, IReadOnlyList<string>? RecoveryCodes = null, int SessionsRevoked = 0)
{
    public static MfaChange Failed(MfaChangeOutcome outcome) => new(outcome);
}
