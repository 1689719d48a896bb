using Npgsql;
using NpgsqlTypes;
using Platform.Workers.Storage;

namespace Platform.Workers.Measurements;

/// <summary>
/// Writes the decoded numeric values of uplinks to <c>measurements</c> in one statement. The key
/// (tenant, device, time, dedup key, name) makes a redelivered uplink's values hit their own rows
/// and add nothing; a re-decode deletes the uplinks' old values first.
/// </summary>
public static class MeasurementRows
{
    private const string InsertValues = """
        INSERT INTO measurements (tenant_id, device_id, received_at, dedup_key, name, value)
        SELECT $1, m.device_id, m.received_at, m.dedup_key, m.name, m.value
        FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::double precision[])
             AS m (device_id, received_at, dedup_key, name, value)
        ON CONFLICT DO NOTHING
        """;

    private const string DeleteValues = """
        DELETE FROM measurements m
        USING unnest($2::uuid[], $3::timestamptz[], $4::text[]) AS u (device_id, received_at, dedup_key)
        WHERE m.tenant_id = $1 AND m.device_id = u.device_id AND m.received_at = u.received_at AND m.dedup_key = u.dedup_key
        """;

    /// <summary>The values of the rows' decodings; null when there are none.</summary>
    public static NpgsqlBatchCommand? Insert(Guid tenantId, IEnumerable<DecodedUplinkRow> rows)
    {
        var values = rows
            .Where(row => row.Decode is { Values.Count: > 0 })
            .SelectMany(row => row.Decode!.Values.Select(value => (Row: row, value.Name, value.Value)))
            .ToList();
        return values.Count == 0 ? null : new NpgsqlBatchCommand(InsertValues)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = tenantId },
                SqlArrays.Of(values, value => value.Row.DeviceId),
                SqlArrays.Of(values, value => value.Row.Time.UtcDateTime, NpgsqlDbType.TimestampTz),
                SqlArrays.Of(values, value => value.Row.DeduplicationKey),
                SqlArrays.Of(values, value => value.Name),
                SqlArrays.Of(values, value => value.Value),
            },
        };
    }

    /// <summary>Deletes every value of these uplinks, before they are written again from a new decoding.</summary>
    public static NpgsqlBatchCommand Delete(Guid tenantId, IReadOnlyList<DecodedUplinkRow> rows) => new(DeleteValues)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = tenantId },
            SqlArrays.Of(rows, row => row.DeviceId),
            SqlArrays.Of(rows, row => row.Time.UtcDateTime, NpgsqlDbType.TimestampTz),
            SqlArrays.Of(rows, row => row.DeduplicationKey),
        },
    };
}
