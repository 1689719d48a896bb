namespace Platform.Core.Identity;

/// <summary>
/// The outcome of a password login. A refused login never says why: an unknown e-mail, a wrong
/// password and a locked account look the same to the caller.
/// </summary>
public sealed record LoginResult(User? User, string? Token, DateTimeOffset? ExpiresAt)
{
    public static LoginResult Refused { get; } = new(null, null, null);

    public bool Succeeded => Token is not null;
}
