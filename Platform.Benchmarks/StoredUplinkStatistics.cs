using Npgsql;

namespace Platform.Benchmarks;

/// <summary>
/// What the database holds for the load window: rows, and the latency from the network server's
/// publish (the uplink's own time) to the storing transaction (stored_at, its start; the commit
/// follows within the same write).
/// </summary>
/// <param name="Decoded">Rows stored with decoded data; <paramref name="DecodeFailures"/> those stored with decode errors.</param>
public sealed record StoredUplinkStatistics(long Rows, long DistinctKeys, double P50Milliseconds, double P99Milliseconds,
    DateTimeOffset? FirstPublished, DateTimeOffset? LastStored, long Decoded, long DecodeFailures)
{
    public static async Task<StoredUplinkStatistics> ReadAsync(string connectionString, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT set_config('platform.scope', 'platform', false);
            SELECT count(*), count(DISTINCT dedup_key),
                   coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - received_at)), 0) * 1000,
                   coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - received_at)), 0) * 1000,
                   min(received_at), max(stored_at),
                   count(*) FILTER (WHERE decoded IS NOT NULL), count(*) FILTER (WHERE decode_errors IS NOT NULL)
            FROM raw_uplinks WHERE received_at >= @since
            """, connection);
        command.Parameters.AddWithValue("since", since.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return new StoredUplinkStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt64(6), reader.GetInt64(7));
    }

    /// <summary>The most frequent decode errors since then, so that a failure in a run is explained, not only counted.</summary>
    public static async Task<List<(string Error, long Count)>> DecodeErrorsAsync(string connectionString, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT set_config('platform.scope', 'platform', false);
            SELECT array_to_string(decode_errors, '; '), count(*) FROM raw_uplinks
            WHERE received_at >= @since AND decode_errors IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 5
            """, connection);
        command.Parameters.AddWithValue("since", since.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var errors = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            errors.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return errors;
    }

    public static async Task<long> CountAsync(string connectionString, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT set_config('platform.scope', 'platform', false); SELECT count(*) FROM raw_uplinks WHERE received_at >= @since", connection);
        command.Parameters.AddWithValue("since", since.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }
}
