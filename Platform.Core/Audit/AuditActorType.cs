namespace Platform.Core.Audit;

public enum AuditActorType
{
    User = 1,
    /// <summary>A user or service account acting through an API token: the id is the owner's, the token id is recorded beside it.</summary>
    ApiToken = 2,
    System = 3,
    /// <summary>Someone not (yet) authenticated, e.g. a failed login.</summary>
    Anonymous = 4,
}
