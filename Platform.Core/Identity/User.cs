namespace Platform.Core.Identity;

/// <summary>
/// A person, global to the platform (one user may belong to several tenants). Authentication
/// providers attach to it; nothing about authorization depends on which one signed the user in.
/// A service account is a row of the other <see cref="UserKind"/>, so that memberships, grants and
/// API tokens, all keyed by user id, serve it unchanged.
/// </summary>
public sealed class User
{
    /// <summary>
    /// The domain of service accounts' e-mail addresses. <c>.invalid</c> is reserved (RFC 2606) and can
    /// never be delivered to or registered, so the address names the account and nothing else; people
    /// may not use it.
    /// </summary>
    public const string ServiceAccountEmailDomain = "service-accounts.invalid";

    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 200;
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private User()
    {
        Email = string.Empty;
        DisplayName = string.Empty;
    }

    public User(string email, string displayName, PlatformRole platformRole, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        Email = NormalizeEmail(email);
        if (IsServiceAccountEmail(Email))
        {
            throw new ArgumentException("This domain is reserved for service accounts.", nameof(email));
        }

        DisplayName = ValidDisplayName(displayName);
        PlatformRole = platformRole;
        CreatedAt = createdAt;
    }

    /// <summary>
    /// A service account's user: never a platform role, never a password. Its e-mail is derived from
    /// its id (the column stays required and unique, and nothing else in the code has to learn that a
    /// user may lack one), in a domain no person can have.
    /// </summary>
    public static User CreateServiceAccount(string displayName, DateTimeOffset createdAt)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(createdAt),
            Kind = UserKind.ServiceAccount,
            DisplayName = ValidDisplayName(displayName),
            PlatformRole = PlatformRole.None,
            CreatedAt = createdAt,
        };
        user.Email = ServiceAccountEmail(user.Id);
        return user;
    }

    public static string ServiceAccountEmail(Guid id) => $"{id:N}@{ServiceAccountEmailDomain}";

    public static bool IsServiceAccountEmail(string email) =>
        email.EndsWith("@" + ServiceAccountEmailDomain, StringComparison.OrdinalIgnoreCase);

    public Guid Id { get; private set; }

    /// <summary>Lowercase and trimmed; unique.</summary>
    public string Email { get; private set; }

    public string DisplayName { get; private set; }

    public UserKind Kind { get; private set; }

    public bool IsServiceAccount => Kind == UserKind.ServiceAccount;

    public PlatformRole PlatformRole { get; private set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 format; null for users who only sign in through SSO.</summary>
    public string? PasswordHash { get; private set; }

    public int FailedLoginCount { get; private set; }

    public DateTimeOffset? LockedOutUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// When the owner of the address proved it: by an invitation's link, or through the platform's
    /// provider vouching for it. Null for accounts whose address nobody proved (an admin typed it in
    /// before invitations existed, or a tenant's provider provisioned it, which vouches inside that
    /// tenant only): nothing links to such an account, and an invitation lets the mailbox's owner
    /// reclaim it.
    /// </summary>
    public DateTimeOffset? EmailVerifiedAt { get; private set; }

    public bool IsEmailVerified => EmailVerifiedAt is not null;

    public void MarkEmailVerified(DateTimeOffset now) => EmailVerifiedAt ??= !IsServiceAccount
        ? now
        : throw new InvalidOperationException("A service account has no mailbox to verify.");

    /// <summary>
    /// The owner of the address takes over an account whose address was never proved: a new password,
    /// the address verified, failed logins forgotten. The caller ends everything the previous holder
    /// set up (sessions, tokens, MFA, linked identities) in the same transaction.
    /// </summary>
    public void Reclaim(string passwordHash, DateTimeOffset now)
    {
        if (IsEmailVerified)
        {
            throw new InvalidOperationException("Only an account whose address was never proved can be reclaimed.");
        }

        SetPasswordHash(passwordHash);
        MarkEmailVerified(now);
        RecordSuccessfulLogin();
    }

    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil > now;

    public void SetPasswordHash(string passwordHash) => PasswordHash = !IsServiceAccount
        ? passwordHash
        : throw new InvalidOperationException("A service account has no password; it authenticates with API tokens only.");

    public void ChangePlatformRole(PlatformRole role) => PlatformRole = !IsServiceAccount || role == PlatformRole.None
        ? role
        : throw new InvalidOperationException("A service account never holds a platform role.");

    public void Rename(string displayName) => DisplayName = ValidDisplayName(displayName);

    /// <returns>True when this failure locked the account.</returns>
    public bool RecordFailedLogin(DateTimeOffset now)
    {
        FailedLoginCount++;
        if (FailedLoginCount < MaxFailedLogins)
        {
            return false;
        }

        FailedLoginCount = 0;
        LockedOutUntil = now + LockoutDuration;
        return true;
    }

    public void RecordSuccessfulLogin()
    {
        FailedLoginCount = 0;
        LockedOutUntil = null;
    }

    public static string NormalizeEmail(string email) => EmailAddress.Normalize(email, MaxEmailLength);

    private static string ValidDisplayName(string displayName)
    {
        displayName = displayName.Trim();
        return displayName.Length is 0 or > MaxDisplayNameLength
            ? throw new ArgumentException($"A display name is 1 to {MaxDisplayNameLength} characters.", nameof(displayName))
            : displayName;
    }
}
