using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Core.Ingestion;

namespace Platform.Workers.Storage;

/// <summary>
/// Writes the uplinks and rejections of several batches in one transaction and one round trip.
/// Idempotent: a redelivered uplink hits the primary key (device, network time, dedup key) and a
/// redelivered rejection its id, and neither creates a second row. Rows are written per tenant with
/// that tenant set in the session, so row-level security checks the storage too.
/// </summary>
public sealed class UplinkStoreWriter(NpgsqlDataSource database, MonthPartitions partitions)
{
    private const string InsertUplinks = """
        INSERT INTO raw_uplinks (tenant_id, device_id, received_at, dedup_key, dev_eui, network_server_kind, application_id,
                                 f_cnt, f_port, payload, gateways, ingested_at)
        SELECT $1, u.device_id, u.received_at, u.dedup_key, u.dev_eui, u.kind, u.application_id,
               u.f_cnt, u.f_port, u.payload, u.gateways::jsonb, u.ingested_at
        FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::bigint[], $9::integer[], $10::bytea[], $11::text[], $12::timestamptz[])
             AS u (device_id, received_at, dedup_key, dev_eui, kind, application_id, f_cnt, f_port, payload, gateways, ingested_at)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertRejections = """
        INSERT INTO rejected_uplinks (id, tenant_id, device_id, topic, message, message_size, reason, detail, received_at)
        SELECT r.id, $1, r.device_id, r.topic, r.message, r.message_size, r.reason, r.detail, r.received_at
        FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bytea[], $6::integer[], $7::text[], $8::text[], $9::timestamptz[])
             AS r (id, device_id, topic, message, message_size, reason, detail, received_at)
        ON CONFLICT DO NOTHING
        """;

    private const string EnterTenant = "SELECT set_config('platform.tenant_id', $1, true)";

    /// <returns>How many uplinks were new (the rest were already stored).</returns>
    public async Task<StoreResult> WriteAsync(IReadOnlyList<AdmittedUplink> uplinks, IReadOnlyList<UplinkRejection> rejections,
        CancellationToken cancellationToken)
    {
        await partitions.EnsureAsync(uplinks.Select(uplink => uplink.Uplink.NetworkTime), cancellationToken);

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var uplinkCommands = new List<NpgsqlBatchCommand>();
        var rejectionCommands = new List<NpgsqlBatchCommand>();
        foreach (var tenant in uplinks.GroupBy(uplink => uplink.TenantId))
        {
            batch.BatchCommands.Add(SetTenant(tenant.Key));
            var insert = UplinkRows(tenant.Key, tenant.ToList());
            uplinkCommands.Add(insert);
            batch.BatchCommands.Add(insert);
        }

        foreach (var tenant in rejections.GroupBy(rejection => rejection.TenantId))
        {
            batch.BatchCommands.Add(SetTenant(tenant.Key));
            var insert = RejectionRows(tenant.Key, tenant.ToList());
            rejectionCommands.Add(insert);
            batch.BatchCommands.Add(insert);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoreResult(
            uplinkCommands.Sum(command => command.RecordsAffected),
            rejectionCommands.Sum(command => command.RecordsAffected));
    }

    private static NpgsqlBatchCommand SetTenant(Guid? tenantId) =>
        new(EnterTenant) { Parameters = { new NpgsqlParameter { Value = tenantId?.ToString() ?? string.Empty } } };

    private static NpgsqlBatchCommand UplinkRows(Guid tenantId, List<AdmittedUplink> rows) => new(InsertUplinks)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = tenantId },
            Array(rows, row => row.DeviceId),
            Array(rows, row => row.Uplink.NetworkTime.UtcDateTime, NpgsqlDbType.TimestampTz),
            Array(rows, row => row.Uplink.DeduplicationKey),
            Array(rows, row => row.Uplink.DevEui.Value),
            Array(rows, row => row.Uplink.Kind.ToString()),
            Array(rows, row => row.Uplink.ApplicationId),
            Array(rows, row => (long)row.Uplink.FCnt),
            Array(rows, row => row.Uplink.FPort),
            Array(rows, row => row.Uplink.Payload, NpgsqlDbType.Bytea),
            Array(rows, row => JsonSerializer.Serialize(row.Uplink.Gateways, IngestionJsonContext.Default.IReadOnlyListGatewayReception)),
            Array(rows, row => row.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz),
        },
    };

    private static NpgsqlBatchCommand RejectionRows(Guid? tenantId, List<UplinkRejection> rows) => new(InsertRejections)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = tenantId is { } id ? id : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
            Array(rows, row => row.Id),
            Array(rows, row => row.DeviceId, NpgsqlDbType.Uuid),
            Array(rows, row => row.Topic),
            Array(rows, row => row.Message, NpgsqlDbType.Bytea),
            Array(rows, row => row.MessageSize),
            Array(rows, row => row.Reason.ToString()),
            Array(rows, row => row.Detail),
            Array(rows, row => row.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz),
        },
    };

    private static NpgsqlParameter Array<TRow, TValue>(List<TRow> rows, Func<TRow, TValue> value, NpgsqlDbType? elementType = null)
    {
        var values = rows.Select(value).ToArray();
        return elementType is { } type
            ? new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type }
            : new NpgsqlParameter { Value = values };
    }
}

/// <summary>Rows that were new in this write; the others were redeliveries of rows already stored.</summary>
public sealed record StoreResult(int UplinksStored, int RejectionsStored);
