namespace Platform.Core.Audit;

public enum AuditActorType
{
    User = 1,
    ApiToken = 2,
    System = 3,
    /// <summary>Someone not (yet) authenticated, e.g. a failed login.</summary>
    Anonymous = 4,
}
