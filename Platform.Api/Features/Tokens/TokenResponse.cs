using Platform.Core.Identity;

namespace Platform.Api.Features.Tokens;

/// <summary>An API token as listed: never its secret nor its hash.</summary>
public sealed record TokenResponse(
    string Id,
    string Name,
    Guid OwnerUserId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public static TokenResponse From(ApiToken token) => new(token.Id, token.Name, token.OwnerUserId, token.Scopes,
        token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
}
