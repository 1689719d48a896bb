using Npgsql;
using NpgsqlTypes;
using Platform.Workers.Storage;

namespace Platform.Workers.Measurements;

/// <summary>
/// Upserts <c>device_latest</c>: last seen time and frame counter from the newest uplink, and the
/// decoded fields merged by time — fields of an update at least as new as the stored data override
/// the stored ones (a re-decoded newest uplink replaces its own old values); an older update (a late
/// redelivery, or a re-decode of old uplinks) only fills fields that are missing.
/// </summary>
public static class DeviceLatestRows
{
    private const string Upsert = """
        INSERT INTO device_latest AS l (tenant_id, device_id, last_seen_at, last_f_cnt, data, data_at)
        SELECT $1, u.device_id, u.last_seen_at, u.last_f_cnt, coalesce(u.data::jsonb, '{}'::jsonb), u.data_at
        FROM unnest($2::uuid[], $3::timestamptz[], $4::bigint[], $5::text[], $6::timestamptz[])
             AS u (device_id, last_seen_at, last_f_cnt, data, data_at)
        -- A device deleted while its uplinks were in flight keeps them (raw rows have no foreign key), but
        -- has no latest row: its foreign key would otherwise make the whole write unstorable.
        WHERE EXISTS (SELECT 1 FROM devices d WHERE d.tenant_id = $1 AND d.id = u.device_id)
        ON CONFLICT (tenant_id, device_id) DO UPDATE SET
            last_f_cnt = CASE WHEN excluded.last_seen_at >= l.last_seen_at THEN excluded.last_f_cnt ELSE l.last_f_cnt END,
            last_seen_at = GREATEST(l.last_seen_at, excluded.last_seen_at),
            data = CASE
                WHEN excluded.data_at IS NULL THEN l.data
                WHEN l.data_at IS NULL OR excluded.data_at >= l.data_at THEN l.data || excluded.data
                ELSE excluded.data || l.data
            END,
            data_at = GREATEST(l.data_at, excluded.data_at)
        """;

    public static NpgsqlBatchCommand Merge(Guid tenantId, IReadOnlyList<DeviceLatestUpdate> updates) => new(Upsert)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = tenantId },
            SqlArrays.Of(updates, update => update.DeviceId),
            SqlArrays.Of(updates, update => update.LastSeenAt.UtcDateTime, NpgsqlDbType.TimestampTz),
            SqlArrays.Of(updates, update => update.LastFCnt),
            SqlArrays.Of(updates, update => update.DataJson, NpgsqlDbType.Text),
            SqlArrays.Of(updates, update => update.DataAt?.UtcDateTime, NpgsqlDbType.TimestampTz),
        },
    };
}
