using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Identity;

/// <summary>
/// Validates <c>plt_</c> API tokens against the database on every request (no cache), so a
/// revoked or expired token stops working on the next request.
/// </summary>
public sealed class ApiTokenAuthentication(PlatformDbContext database, TimeProvider time)
{
    // Writing last-used on every request would make each read a write.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<ApiToken?> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken)
    {
        if (!OpaqueToken.TryParse(OpaqueToken.ApiTokenPrefix, bearerToken, out var token))
        {
            return null;
        }

        // The tenant is not known yet: row-level security lets this transaction see the one row
        // whose id the token names (RowLevelSecurityPolicies.ApiTokens), and nothing else.
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        await database.Database.ExecuteSqlAsync($"SELECT set_config('platform.api_token_id', {token.Id}, true)", cancellationToken);
        var found = await database.ApiTokens.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(apiToken => apiToken.Id == token.Id, cancellationToken);
        var now = time.GetUtcNow();
        if (found is null || !token.Matches(found.TokenHash) || !found.IsValid(now))
        {
            return null;
        }

        // The services' role may not UPDATE the row it looked up: a function sets last-used and only
        // that (ApiTokenTouchSql), throttled there too. Checked here as well to spare the round trip.
        if (found.LastUsedAt is not { } lastUsed || now - lastUsed > TouchInterval)
        {
            await database.Database.ExecuteSqlAsync($"SELECT platform_touch_api_token()", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return found;
    }

    /// <summary>
    /// Revokes every live token of a user in the current tenant (the member was removed, the service
    /// account deleted), so that adding them again does not bring old tokens back. Runs in the
    /// caller's transaction.
    /// </summary>
    /// <returns>The tokens revoked, for the caller's audit records.</returns>
    public async Task<IReadOnlyList<RevokedApiToken>> RevokeAllAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        // One statement: a token committed meanwhile cannot slip between a read and the update.
        var now = time.GetUtcNow();
        return await database.Database.SqlQuery<RevokedApiToken>($"""
            UPDATE api_tokens SET revoked_at = {now}
            WHERE tenant_id = {tenantId} AND owner_user_id = {userId} AND revoked_at IS NULL
            RETURNING id, name, owner_user_id
            """).ToListAsync(cancellationToken);
    }
}

/// <summary>A token revoked along with its owner's membership or account.</summary>
public sealed record RevokedApiToken(string Id, string Name, Guid OwnerUserId);
