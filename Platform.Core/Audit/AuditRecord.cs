namespace Platform.Core.Audit;

/// <summary>What a caller asks the audit log to record; time and chain are added by <see cref="AuditLog"/>.</summary>
public sealed record AuditRecord(
    Guid? TenantId,
    AuditActor Actor,
    string Action,
    string? TargetType = null,
    string? TargetId = null,
    string? Before = null,
    string? After = null,
    string? ClientAddress = null,
    AuditOutcome Outcome = AuditOutcome.Success);
