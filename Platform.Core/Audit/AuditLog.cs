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

        // One writer per chain at a time, until commit: the previous hash cannot change underneath.
        var chain = record.TenantId?.ToString() ?? "platform";
        await database.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({"audit:" + chain}, 0))", cancellationToken);

        var previous = database.ChangeTracker.Entries<AuditEvent>()
            .Where(entry => entry.State == EntityState.Added && entry.Entity.TenantId == record.TenantId)
            .Select(entry => entry.Entity)
            .LastOrDefault()?.Hash
            ?? await database.AuditEvents
                .Where(e => e.TenantId == record.TenantId)
                .OrderByDescending(e => e.Sequence)
                .Select(e => e.Hash)
                .FirstOrDefaultAsync(cancellationToken)
            ?? AuditChain.Genesis;

        var now = time.GetUtcNow();
        // PostgreSQL stores microseconds; the hash must cover what is stored.
        var occurredAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
        database.AuditEvents.Add(new AuditEvent(record, occurredAt, previous));
    }
}
