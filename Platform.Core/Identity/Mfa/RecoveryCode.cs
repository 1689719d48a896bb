namespace Platform.Core.Identity.Mfa;

/// <summary>
/// One of a user's one-time recovery codes, for when the authenticator is lost. Only the SHA-256 of
/// the code is stored (<see cref="RecoveryCodes.Hash"/>); a used code keeps its row, marked used.
/// </summary>
public sealed class RecoveryCode
{
    private RecoveryCode()
    {
        CodeHash = [];
    }

    public RecoveryCode(Guid userId, byte[] codeHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        UserId = userId != Guid.Empty ? userId : throw new ArgumentException("A user id is required.", nameof(userId));
        Id = Guid.CreateVersion7(now);
        CodeHash = codeHash.Length == 32 ? codeHash : throw new ArgumentException("A SHA-256 hash is 32 bytes.", nameof(codeHash));
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public byte[] CodeHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public void Use(DateTimeOffset now) =>
        UsedAt = UsedAt is null ? now : throw new InvalidOperationException("A recovery code is used once.");
}
