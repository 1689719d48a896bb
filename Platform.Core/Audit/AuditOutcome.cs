namespace Platform.Core.Audit;

public enum AuditOutcome
{
    Success = 1,
    Failure = 2,
    Denied = 3,
}
