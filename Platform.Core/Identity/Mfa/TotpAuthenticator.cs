namespace Platform.Core.Identity.Mfa;

/// <summary>
/// A local user's TOTP authenticator (RFC 6238). It is pending from the start of an enrolment
/// until a first code confirms it, and only then is MFA enabled. The secret must be recoverable to
/// check codes, so it is stored encrypted (<see cref="TotpSecretProtector"/>), never as itself.
/// </summary>
public sealed class TotpAuthenticator
{
    /// <summary>An enrolment not confirmed within this time is void: a half-shown secret does not linger.</summary>
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(10);

    private TotpAuthenticator()
    {
        ProtectedSecret = string.Empty;
    }

    public TotpAuthenticator(Guid userId, string protectedSecret, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(protectedSecret);
        UserId = userId != Guid.Empty ? userId : throw new ArgumentException("A user id is required.", nameof(userId));
        ProtectedSecret = protectedSecret;
        StartedAt = now;
    }

    public Guid UserId { get; private set; }

    /// <summary>The secret as Data Protection encrypted it (base64url).</summary>
    public string ProtectedSecret { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When a code confirmed the enrolment; null while pending.</summary>
    public DateTimeOffset? EnabledAt { get; private set; }

    /// <summary>
    /// The time step of the last code accepted: a code of this step or an earlier one is refused,
    /// so an observed code cannot be used again.
    /// </summary>
    public long? LastTimeStep { get; private set; }

    public bool IsEnabled => EnabledAt is not null;

    public bool IsPendingExpired(DateTimeOffset now) => !IsEnabled && now >= StartedAt + EnrolmentLifetime;

    /// <summary>A new secret for a pending enrolment: starting again replaces the one shown before.</summary>
    public void Restart(string protectedSecret, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(protectedSecret);
        if (IsEnabled)
        {
            throw new InvalidOperationException("MFA is enabled: remove it before enrolling again.");
        }

        ProtectedSecret = protectedSecret;
        StartedAt = now;
        LastTimeStep = null;
    }

    /// <summary>Records a code's step as used; a step at or before the last one is a replay.</summary>
    public void Accept(long timeStep)
    {
        if (timeStep <= LastTimeStep)
        {
            throw new InvalidOperationException("A code of this time step was used already.");
        }

        LastTimeStep = timeStep;
    }

    public void Enable(DateTimeOffset now, long acceptedTimeStep)
    {
        if (IsEnabled)
        {
            throw new InvalidOperationException("MFA is enabled already.");
        }

        if (IsPendingExpired(now))
        {
            throw new InvalidOperationException("The enrolment expired.");
        }

        EnabledAt = now;
        LastTimeStep = acceptedTimeStep;
    }
}
