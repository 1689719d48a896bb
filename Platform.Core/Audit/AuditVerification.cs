using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Audit;

/// <param name="Valid">Every record's hash matches its content and its predecessor.</param>
/// <param name="Checked">How many records were checked.</param>
/// <param name="FirstBrokenId">The first record whose hash does not match, if any.</param>
public sealed record AuditVerificationResult(bool Valid, long Checked, Guid? FirstBrokenId);

public sealed class AuditVerification(PlatformDbContext database)
{
    private const int PageSize = 1000;

    /// <summary>Recomputes a chain (a tenant's, or the platform's for null) from its first record.</summary>
    public async Task<AuditVerificationResult> VerifyAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        var previous = AuditChain.Genesis;
        long checkedCount = 0;
        long after = 0;
        while (true)
        {
            var page = await database.AuditEvents.AsNoTracking()
                .Where(e => e.TenantId == tenantId && e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var auditEvent in page)
            {
                checkedCount++;
                if (!auditEvent.PreviousHash.AsSpan().SequenceEqual(previous)
                    || !AuditChain.ComputeHash(auditEvent).AsSpan().SequenceEqual(auditEvent.Hash))
                {
                    return new AuditVerificationResult(false, checkedCount, auditEvent.Id);
                }

                previous = auditEvent.Hash;
                after = auditEvent.Sequence;
            }

            if (page.Count < PageSize)
            {
                return new AuditVerificationResult(true, checkedCount, null);
            }
        }
    }
}
