namespace Platform.Core.Audit;

/// <summary>
/// One append-only audit record. <see cref="Hash"/> covers every field and the previous record's
/// hash of the same chain (the tenant's, or the platform's for <c>TenantId == null</c>), so a
/// changed, removed or reordered record breaks verification from that point on.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Action = string.Empty;
        PreviousHash = [];
        Hash = [];
    }

    internal AuditEvent(AuditRecord record, DateTimeOffset occurredAt, byte[] previousHash)
    {
        Id = Guid.CreateVersion7(occurredAt);
        TenantId = record.TenantId;
        OccurredAt = occurredAt;
        ActorType = record.Actor.Type;
        ActorId = record.Actor.Id;
        ActorTokenId = record.Actor.TokenId;
        Action = record.Action;
        TargetType = record.TargetType;
        TargetId = record.TargetId;
        Before = record.Before;
        After = record.After;
        ClientAddress = record.ClientAddress;
        Outcome = record.Outcome;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    /// <summary>Position in the chain; assigned by the database, only ever increasing.</summary>
    public long Sequence { get; private set; }

    public Guid Id { get; private set; }

    /// <summary>Null for platform-level events.</summary>
    public Guid? TenantId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public AuditActorType ActorType { get; private set; }

    public Guid? ActorId { get; private set; }

    /// <summary>The API token the actor used, if any (its public id, never the secret).</summary>
    public string? ActorTokenId { get; private set; }

    /// <summary>Dotted, past tense: <c>device.created</c>, <c>auth.login.failed</c>.</summary>
    public string Action { get; private set; }

    public string? TargetType { get; private set; }

    public string? TargetId { get; private set; }

    /// <summary>JSON of the target before the change, secrets removed.</summary>
    public string? Before { get; private set; }

    /// <summary>JSON of the target after the change, secrets removed.</summary>
    public string? After { get; private set; }

    public string? ClientAddress { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    public byte[] PreviousHash { get; private set; }

    public byte[] Hash { get; private set; }
}
