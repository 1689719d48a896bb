using Microsoft.EntityFrameworkCore;

namespace Platform.Api.Paging;

/// <summary>A page of a list: <c>{ "items": [...], "nextCursor": ... }</c>; nextCursor is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class PageExtensions
{
    /// <summary>One page of an already ordered query, fetching one row more to know whether another page follows.</summary>
    public static async Task<Page<TItem>> ToPageAsync<TRow, TItem>(this IQueryable<TRow> orderedQuery, PagedRequest request,
        Func<TRow, TItem> map, CancellationToken cancellationToken)
    {
        var offset = request.Cursor is not null && PageCursor.TryDecode(request.Cursor, out var position) ? position : 0;
        var limit = request.EffectiveLimit;
        var rows = await orderedQuery.Skip(offset).Take(limit + 1).ToListAsync(cancellationToken);
        var next = rows.Count > limit ? PageCursor.Encode(offset + limit) : null;
        return new Page<TItem>(rows.Take(limit).Select(map).ToList(), next);
    }

    /// <summary>
    /// One page of a list in the order of its time-ordered ids, after the cursor's id, fetching one
    /// row more to know whether another page follows.
    /// </summary>
    public static async Task<Page<TItem>> ToKeysetPageAsync<TRow, TItem>(this IQueryable<TRow> query, PageKey<TRow> key,
        PagedRequest request, Func<TRow, TItem> map, CancellationToken cancellationToken)
    {
        if (request.Cursor is not null && PageCursor.TryDecodeKey(request.Cursor, out var last))
        {
            query = query.Where(key.After(last));
        }

        var limit = request.EffectiveLimit;
        var rows = await query.OrderBy(key.Key).Take(limit + 1).ToListAsync(cancellationToken);
        var next = rows.Count > limit ? PageCursor.EncodeKey(key.Of(rows[limit - 1])) : null;
        return new Page<TItem>(rows.Take(limit).Select(map).ToList(), next);
    }
}
