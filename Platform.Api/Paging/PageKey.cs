using System.Linq.Expressions;

namespace Platform.Api.Paging;

/// <summary>
/// The time-ordered id a list is paged by (keyset paging): held once per list, so the id is read
/// from a row without compiling the expression on every request.
/// </summary>
public sealed class PageKey<TRow>(Expression<Func<TRow, Guid>> key)
{
    private static readonly System.Reflection.MethodInfo CompareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

    public Expression<Func<TRow, Guid>> Key { get; } = key;

    public Func<TRow, Guid> Of { get; } = key.Compile();

    /// <summary>Rows after <paramref name="last"/> in the database's order of the id (a query parameter, not a literal).</summary>
    public Expression<Func<TRow, bool>> After(Guid last)
    {
        var bound = new Bound(last);
        var comparison = Expression.Call(Key.Body, CompareTo, Expression.Property(Expression.Constant(bound), nameof(Bound.Value)));
        return Expression.Lambda<Func<TRow, bool>>(Expression.GreaterThan(comparison, Expression.Constant(0)), Key.Parameters);
    }

    private sealed record Bound(Guid Value);
}
