using Microsoft.EntityFrameworkCore;
using Platform.Api.Paging;
using Platform.Core.Uplinks;

namespace Platform.Api.Features.RejectedUplinks;

public static class RejectedUplinkQueries
{
    /// <summary>One page of rejections, newest first, filtered as the request asks; messages are not read.</summary>
    public static async Task<Page<RejectedUplinkResponse>> ToRejectedPageAsync(this IQueryable<RejectedUplink> rejections,
        RejectedUplinkQueryRequest request, CancellationToken ct)
    {
        var query = rejections.AsNoTracking();
        if (request.ReasonValue() is { } reason)
        {
            query = query.Where(rejected => rejected.Reason == reason);
        }

        if (request.Replayed is { } replayed)
        {
            query = replayed ? query.Where(rejected => rejected.ReplayedAt != null) : query.Where(rejected => rejected.ReplayedAt == null);
        }

        if (request.After() is { } after)
        {
            var id = Guid.Parse(after.Key);
            query = query.Where(rejected => EF.Functions.LessThan(
                ValueTuple.Create(rejected.ReceivedAt, rejected.Id), ValueTuple.Create(after.At, id)));
        }

        var limit = request.EffectiveLimit;
        // Served by the index (tenant, received_at, id) backwards.
        var rows = await query
            .OrderByDescending(rejected => rejected.ReceivedAt).ThenByDescending(rejected => rejected.Id)
            .Take(limit + 1)
            .Select(rejected => new RejectedUplinkResponse(rejected.Id, rejected.ReceivedAt, rejected.Reason, rejected.Detail,
                rejected.Topic, rejected.DeviceId, rejected.MessageSize, rejected.Message.Length < rejected.MessageSize, rejected.ReplayedAt))
            .ToListAsync(ct);
        var next = rows.Count > limit ? new KeysetCursor(rows[limit - 1].ReceivedAt, rows[limit - 1].Id.ToString()).Encode() : null;
        return new Page<RejectedUplinkResponse>(rows.Take(limit).ToList(), next);
    }
}
