using Platform.Core.Identity;

namespace Platform.Api.Features.Tokens;

/// <summary>
/// An API token as listed: never its secret nor its hash. OwnerKind tells a service account's token
/// from a person's in the tenant admin's list.
/// </summary>
public sealed record TokenResponse(
    string Id,
    string Name,
    Guid OwnerUserId,
    UserKind OwnerKind,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public static TokenResponse From(ApiToken token, UserKind ownerKind) => new(token.Id, token.Name, token.OwnerUserId, ownerKind,
        token.Scopes, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
}
