using Microsoft.EntityFrameworkCore;
using Platform.Core.Audit;
using Platform.Core.Persistence;

namespace Platform.Core.Identity;

/// <summary>Validates <c>pls_</c> session tokens, keeps sessions alive, and ends them.</summary>
public sealed class SessionAuthentication(PlatformDbContext database, AuditLog audit, TimeProvider time)
{
    // Writing last-seen on every request would make each read a write; a minute of slack on a
    // 30-minute idle timeout is immaterial.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<(Session Session, User User)?> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken)
    {
        if (!OpaqueToken.TryParse(OpaqueToken.SessionPrefix, bearerToken, out var token))
        {
            return null;
        }

        var found = await database.Sessions
            .Where(session => session.Id == token.Id)
            .Join(database.Users, session => session.UserId, user => user.Id, (session, user) => new { session, user })
            .SingleOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (found is null || !token.Matches(found.session.TokenHash) || !found.session.IsValid(now))
        {
            return null;
        }

        if (now - found.session.LastSeenAt > TouchInterval)
        {
            found.session.Touch(now);
            await database.SaveChangesAsync(cancellationToken);
        }

        return (found.session, found.user);
    }

    public async Task LogoutAsync(Session session, string? clientAddress, CancellationToken cancellationToken)
    {
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        session.Revoke(time.GetUtcNow());
        await audit.AppendAsync(new AuditRecord(null, AuditActor.ForUser(session.UserId), "auth.logout", "session", session.Id,
            ClientAddress: clientAddress), cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Ends every open session of a user (password changed: it is the user's everywhere). Runs in the
    /// caller's transaction, which also carries the change and its audit record.
    /// </summary>
    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.Sessions
            .Where(session => session.UserId == userId && session.RevokedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(session => session.RevokedAt, now), cancellationToken);
    }

    /// <summary>
    /// Ends a user's open sessions bound to one tenant (opened through its identity provider), when
    /// that tenant removes the member or changes their role: a tenant's decision reaches what is its
    /// own, not the user's sessions elsewhere. Those need no ending here: membership and role are read
    /// on every request, so they lose or change their access to the tenant at once. Runs in the
    /// caller's transaction.
    /// </summary>
    public async Task<int> RevokeBoundToTenantAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.Sessions
            .Where(session => session.UserId == userId && session.BoundTenantId == tenantId && session.RevokedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(session => session.RevokedAt, now), cancellationToken);
    }

    /// <summary>
    /// Ends every open session of a user but the one making the change (MFA enabled or removed):
    /// the user stays signed in where they proved it. Runs in the caller's transaction.
    /// </summary>
    public async Task<int> RevokeOthersAsync(Guid userId, string keepSessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.Sessions
            .Where(session => session.UserId == userId && session.Id != keepSessionId && session.RevokedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(session => session.RevokedAt, now), cancellationToken);
    }
}
