using Microsoft.EntityFrameworkCore;
using Platform.Api.Paging;
using Platform.Core.Audit;

namespace Platform.Api.Features.Audit;

public static class AuditQueries
{
    /// <summary>One page of a chain's events, newest first, filtered as the request asks.</summary>
    public static async Task<Page<AuditEventResponse>> ToAuditPageAsync(this IQueryable<AuditEvent> chain, AuditQueryRequest request,
        CancellationToken ct)
    {
        var query = chain.AsNoTracking();
        if (request.Cursor is not null && AuditCursor.TryDecode(request.Cursor, out var before))
        {
            query = query.Where(e => e.Sequence < before);
        }

        if (request.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (request.ActorId is { } actorId)
        {
            query = query.Where(e => e.ActorId == actorId);
        }

        if (request.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (request.To is { } to)
        {
            query = query.Where(e => e.OccurredAt < to);
        }

        var limit = request.EffectiveLimit;
        var rows = await query.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? AuditCursor.Encode(rows[limit - 1].Sequence) : null;
        return new Page<AuditEventResponse>(rows.Take(limit).Select(AuditEventResponse.From).ToList(), next);
    }
}
