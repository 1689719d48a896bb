namespace Platform.Core.Audit;

public sealed record AuditActor(AuditActorType Type, Guid? Id)
{
    public static AuditActor System { get; } = new(AuditActorType.System, null);

    public static AuditActor Anonymous { get; } = new(AuditActorType.Anonymous, null);

    public static AuditActor ForUser(Guid userId) => new(AuditActorType.User, userId);
}
