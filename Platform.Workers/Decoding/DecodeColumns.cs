using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Workers.Storage;

namespace Platform.Workers.Decoding;

/// <summary>
/// The decode columns of <c>raw_uplinks</c> as <c>unnest</c> array parameters, for the storage's
/// insert and a re-decode's update alike. A text[] per row cannot travel inside an array of rows
/// (PostgreSQL arrays are rectangular), so warnings and errors travel as JSON arrays and
/// <see cref="TextArray"/> turns them back into text[]. Empty lists are stored as NULL.
/// </summary>
public static class DecodeColumns
{
    /// <summary>SQL turning the JSON array column <paramref name="column"/> of the unnest into text[].</summary>
    public static string TextArray(string column) =>
        $"CASE WHEN {column} IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text({column}::jsonb)) END";

    /// <summary>decoded_at for a row of the unnest: the transaction's time when a version was applied.</summary>
    public static string DecodedAt(string versionColumn) => $"CASE WHEN {versionColumn} IS NULL THEN NULL ELSE now() END";

    /// <summary>Version id, decoded JSON, warnings and errors (as JSON arrays), in this order.</summary>
    public static IEnumerable<NpgsqlParameter> Parameters<TRow>(IReadOnlyCollection<TRow> rows, Func<TRow, UplinkDecode?> decode)
    {
        yield return SqlArrays.Of(rows, row => decode(row)?.VersionId, NpgsqlDbType.Uuid);
        yield return SqlArrays.Of(rows, row => decode(row)?.DataJson, NpgsqlDbType.Text);
        yield return SqlArrays.Of(rows, row => List(decode(row)?.Warnings), NpgsqlDbType.Text);
        yield return SqlArrays.Of(rows, row => List(decode(row)?.Errors), NpgsqlDbType.Text);
    }

    private static string? List(IReadOnlyList<string>? messages) =>
        messages is null or { Count: 0 } ? null : JsonSerializer.Serialize(messages);
}
