using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Tokens;

/// <summary>
/// Issues an API token to an owner in the current tenant, under the same rules for everyone: expiry
/// in the future and within a year, and only scopes the owner has a use of with their rights now.
/// Audited as <c>token.created</c>, with the owner in the record.
/// </summary>
public sealed class TokenIssuance(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
{
    /// <returns>The token and its secret (shown this once), or the problem that refused it.</returns>
    public async Task<(ApiToken? Token, string? Secret, IResult? Problem)> IssueAsync(
        TokenInput input, Guid ownerUserId, TenantAccess ownerAccess, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (input.ExpiresAt is not { } expiresAt || expiresAt <= now || expiresAt > ApiToken.LatestExpiry(now))
        {
            return (null, null, ApiProblems.Invalid("expiresAt", "The expiry must be in the future and at most a year away."));
        }

        // A scope the owner has no use of now would only confuse: refused rather than kept idle.
        var scopes = input.Scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (scopes.FirstOrDefault(scope => !ApiTokenScopes.IsWithin(scope, ownerAccess)) is { } beyond)
        {
            var whose = ownerUserId == principal.UserId ? "Your" : "The owner's";
            return (null, null, ApiProblems.Invalid("scopes", $"{whose} current rights in this tenant give no use of the scope {beyond}."));
        }

        var secret = OpaqueToken.Create(OpaqueToken.ApiTokenPrefix);
        var token = await database.InTransactionAsync(async () =>
        {
            var created = new ApiToken(input.TenantId, secret.Id, secret.Hash(), ownerUserId, input.Name.Trim(), scopes, now, expiresAt);
            database.ApiTokens.Add(created);
            await audit.AppendAsync(new AuditRecord(input.TenantId, principal.AuditActor, "token.created", "api_token", created.Id,
                After: AuditJson.Of(new { created.Name, created.OwnerUserId, created.Scopes, created.ExpiresAt }),
                ClientAddress: principal.ClientAddress), ct);
            return created;
        }, ct);
        return (token, secret.Value, null);
    }
}
