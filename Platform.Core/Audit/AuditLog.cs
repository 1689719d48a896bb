using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Audit;

/// <summary>
/// Appends audit records to their chain inside the caller's transaction, so that a change and its
/// audit record are committed together or not at all.
/// </summary>
public sealed class AuditLog(PlatformDbContext database, TimeProvider time)
{
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (database.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit records are appended inside the transaction of the audited change.");
        }

        // The chain's head row is locked until commit: one writer per chain, in sequence order.
        var chain = AuditChainHead.ChainOf(record.TenantId);
        await database.Database.ExecuteSqlAsync(
            $"INSERT INTO audit_chain_heads (chain, hash) VALUES ({chain}, {AuditChain.Genesis}) ON CONFLICT (chain) DO NOTHING",
            cancellationToken);
        var previous = await database.Database
            .SqlQuery<byte[]>($"SELECT hash AS \"Value\" FROM audit_chain_heads WHERE chain = {chain} FOR UPDATE")
            .SingleAsync(cancellationToken);

        var now = time.GetUtcNow();
        // PostgreSQL stores microseconds; the hash must cover what is stored.
        var occurredAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
        var e = new AuditEvent(record, occurredAt, previous);
        // Written at once, by SQL without RETURNING: an INSERT … RETURNING (as EF would issue)
        // must also pass the SELECT policy, and platform-level records are not readable from a
        // tenant's scope. The caller's transaction still commits or discards it with the change.
        await database.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_events (id, tenant_id, occurred_at, actor_type, actor_id, actor_token_id, action, target_type, target_id,
                                      before, after, client_address, outcome, previous_hash, hash)
            VALUES ({e.Id}, {e.TenantId}, {e.OccurredAt}, {e.ActorType.ToString()}, {e.ActorId}, {e.ActorTokenId}, {e.Action}, {e.TargetType},
                    {e.TargetId}, {e.Before}, {e.After}, {e.ClientAddress}, {e.Outcome.ToString()}, {e.PreviousHash}, {e.Hash})
            """, cancellationToken);
        await database.Database.ExecuteSqlAsync(
            $"UPDATE audit_chain_heads SET hash = {e.Hash} WHERE chain = {chain}", cancellationToken);
    }
}
