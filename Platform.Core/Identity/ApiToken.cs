using Platform.Core.Tenancy;

namespace Platform.Core.Identity;

/// <summary>
/// A scoped API token (<c>plt_</c>) of one user in one tenant. Only the SHA-256 hash of the token
/// is stored; the token's id part finds the row. What it may do is its owner's current rights in
/// the tenant, narrowed to its scopes (<see cref="Authorization.ApiTokenScopes"/>).
/// </summary>
public sealed class ApiToken : ITenantOwned
{
    public const int MaxNameLength = 100;

    /// <summary>Every token expires; a year at most (a calendar year: 365 or 366 days), as DECISIONS.md sets it.</summary>
    public static DateTimeOffset LatestExpiry(DateTimeOffset now) => now.AddYears(1);

    private ApiToken()
    {
        TokenHash = [];
        Scopes = [];
    }

    public ApiToken(Guid tenantId, string id, byte[] tokenHash, Guid ownerUserId, string name, string[] scopes,
        DateTimeOffset now, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Length == 0 || !scopes.All(Authorization.ApiTokenScopes.IsKnown))
        {
            throw new ArgumentException("A token has at least one scope, each a known one.", nameof(scopes));
        }

        if (expiresAt <= now || expiresAt > LatestExpiry(now))
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "A token expires in the future and within a year.");
        }

        TenantId = tenantId;
        Id = id;
        TokenHash = tokenHash;
        OwnerUserId = ownerUserId;
        Name = name;
        Scopes = scopes;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid TenantId { get; private set; }

    /// <summary>The public id part of the token, also its id in the API.</summary>
    public string Id { get; private set; } = string.Empty;

    public byte[] TokenHash { get; private set; }

    public Guid OwnerUserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string[] Scopes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsValid(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
