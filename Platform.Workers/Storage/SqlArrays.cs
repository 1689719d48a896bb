using Npgsql;
using NpgsqlTypes;

namespace Platform.Workers.Storage;

/// <summary>One column of many rows as one array parameter, for the <c>unnest(…)</c> bulk statements.</summary>
public static class SqlArrays
{
    /// <param name="elementType">Needed when the values alone do not tell (timestamps, bytea, arrays with nulls).</param>
    public static NpgsqlParameter Of<TRow, TValue>(IReadOnlyCollection<TRow> rows, Func<TRow, TValue> value, NpgsqlDbType? elementType = null)
    {
        var values = rows.Select(value).ToArray();
        return elementType is { } type
            ? new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type }
            : new NpgsqlParameter { Value = values };
    }
}
