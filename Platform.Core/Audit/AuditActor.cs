namespace Platform.Core.Audit;

/// <param name="Type">What kind of principal acted.</param>
/// <param name="Id">The user (or service account) who acted, also when they acted through an API token.</param>
/// <param name="TokenId">The API token the request carried, when it carried one: the owner is answerable, the token is how.</param>
public sealed record AuditActor(AuditActorType Type, Guid? Id, string? TokenId = null)
{
    public static AuditActor System { get; } = new(AuditActorType.System, null);

    public static AuditActor Anonymous { get; } = new(AuditActorType.Anonymous, null);

    public static AuditActor ForUser(Guid userId) => new(AuditActorType.User, userId);

    /// <summary>
    /// A request made with an API token: the owner as the actor (so filtering by actor finds it) and
    /// the token beside it, so that a leaked token's doings can be told from its owner's own.
    /// </summary>
    public static AuditActor ForApiToken(Guid ownerUserId, string tokenId) =>
        new(AuditActorType.ApiToken, ownerUserId, tokenId);
}
