using Npgsql;
using NpgsqlTypes;

namespace Platform.Workers.Redecode;

/// <summary>
/// The raw uplinks a job decodes again: of the devices assigned to its decoder (or the listed ones
/// among them), with a network time in [from, to), in key order so a cursor can resume the walk.
/// Run with the job's tenant set: row-level security applies as to any tenant work.
/// </summary>
public static class RedecodeSelection
{
    private const string Uplinks = """
        FROM raw_uplinks r
        JOIN devices d ON d.tenant_id = r.tenant_id AND d.id = r.device_id
        WHERE r.tenant_id = $1 AND d.decoder_id = $2 AND (cardinality($3::uuid[]) = 0 OR r.device_id = ANY($3))
          AND r.received_at >= $4 AND r.received_at < $5
        """;

    private const string CountUplinks = $"SELECT count(*) {Uplinks}";

    private const string ChunkOfUplinks = $"""
        SELECT r.device_id, r.received_at, r.dedup_key, r.f_cnt, r.f_port, r.payload, d.variables::text
        {Uplinks}
          AND (r.device_id, r.received_at, r.dedup_key) > ($6, $7, $8)
        ORDER BY r.device_id, r.received_at, r.dedup_key
        LIMIT $9
        """;

    public static NpgsqlBatchCommand Count(ClaimedJob job)
    {
        var command = new NpgsqlBatchCommand(CountUplinks);
        AddRange(command, job);
        return command;
    }

    public static NpgsqlBatchCommand Chunk(ClaimedJob job, int size)
    {
        var command = new NpgsqlBatchCommand(ChunkOfUplinks);
        AddRange(command, job);
        command.Parameters.Add(new NpgsqlParameter { Value = job.Cursor.DeviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = job.Cursor.Time.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = job.Cursor.DeduplicationKey });
        command.Parameters.Add(new NpgsqlParameter { Value = size });
        return command;
    }

    private static void AddRange(NpgsqlBatchCommand command, ClaimedJob job)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = job.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = job.DecoderId });
        command.Parameters.Add(new NpgsqlParameter { Value = job.DeviceIds });
        command.Parameters.Add(new NpgsqlParameter { Value = job.From.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = job.To.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }
}
