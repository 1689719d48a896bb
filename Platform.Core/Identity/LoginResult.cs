namespace Platform.Core.Identity;

/// <summary>
/// The outcome of a password login. A refused login never says why: an unknown e-mail, a wrong
/// password and a locked account look the same to the caller. Only after the right password may
/// it say that sign-in must go through the tenant's identity provider, or that the second factor is
/// missing or wrong (<see cref="LoginRefusal"/>).
/// </summary>
/// <param name="MfaEnrolmentRequired">
/// A tenant of the user requires MFA and the user has none: that tenant refuses the session until
/// they enrol; the user's other tenants do not.
/// </param>
public sealed record LoginResult(User? User, string? Token, DateTimeOffset? ExpiresAt, LoginRefusal Refusal = LoginRefusal.None,
    bool MfaEnrolmentRequired = false)
{
    public static LoginResult Refused { get; } = new(null, null, null, LoginRefusal.Credentials);

    public static LoginResult MfaRequired { get; } = new(null, null, null, LoginRefusal.MfaRequired);

    public static LoginResult MfaCodeInvalid { get; } = new(null, null, null, LoginRefusal.MfaCodeInvalid);

    /// <summary>The right password, but a tenant of the user enforces sign-in through its identity provider.</summary>
    public static LoginResult SsoEnforced { get; } = new(null, null, null, LoginRefusal.SsoRequired);

    public bool Succeeded => Token is not null;
}
