namespace Platform.Core.Identity;

public enum LoginRefusal
{
    None,

    /// <summary>Unknown e-mail, wrong password or locked account: one answer for all three.</summary>
    Credentials,

    /// <summary>The password was right; the user has MFA and sent no code.</summary>
    MfaRequired,

    /// <summary>The password was right; the code was wrong or used before.</summary>
    MfaCodeInvalid,

    /// <summary>
    /// The password was right, but a tenant of the user enforces sign-in through its identity
    /// provider: whoever knows the password learns nothing new, the user learns where to sign in.
    /// </summary>
    SsoRequired,
}
