namespace Platform.Core.Identity;

/// <summary>
/// A browser/API session behind an opaque <c>pls_</c> token. Only the SHA-256 hash of the token is
/// stored; the token's id part finds the row. Idle and absolute expiry as DECISIONS.md sets them.
/// </summary>
public sealed class Session
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    private Session()
    {
        TokenHash = [];
    }

    /// <param name="boundTenantId">
    /// For a sign-in through a tenant's identity provider: the session acts only in that tenant (as an
    /// API token does) and never with a platform role, since that tenant's provider vouched for it.
    /// </param>
    public Session(string id, byte[] tokenHash, Guid userId, DateTimeOffset now, string? clientAddress, Guid? boundTenantId = null)
    {
        BoundTenantId = boundTenantId;
        Id = id;
        TokenHash = tokenHash;
        UserId = userId;
        CreatedAt = now;
        LastSeenAt = now;
        ExpiresAt = now + AbsoluteLifetime;
        ClientAddress = clientAddress;
    }

    public string Id { get; private set; } = string.Empty;

    public byte[] TokenHash { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <summary>Set for sessions opened through a tenant's identity provider: the only tenant they reach.</summary>
    public Guid? BoundTenantId { get; private set; }

    /// <summary>When an idle session stops being valid.</summary>
    public DateTimeOffset IdleExpiresAt => LastSeenAt + IdleTimeout;

    public bool IsValid(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt && now < IdleExpiresAt;

    public void Touch(DateTimeOffset now) => LastSeenAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
