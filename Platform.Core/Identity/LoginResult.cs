namespace Platform.Core.Identity;

/// <summary>
/// The outcome of a password login. A refused login never says why: an unknown e-mail, a wrong
/// password and a locked account look the same to the caller. The one exception is
/// <see cref="SsoRequired"/>, given only after the password was verified: whoever knows it learns
/// nothing new, and the user learns where to sign in instead.
/// </summary>
public sealed record LoginResult(User? User, string? Token, DateTimeOffset? ExpiresAt)
{
    public static LoginResult Refused { get; } = new(null, null, null);

    /// <summary>The right password, but a tenant of the user enforces sign-in through its identity provider.</summary>
    public static LoginResult SsoEnforced { get; } = new(null, null, null) { SsoRequired = true };

    public bool SsoRequired { get; private init; }

    public bool Succeeded => Token is not null;
}
