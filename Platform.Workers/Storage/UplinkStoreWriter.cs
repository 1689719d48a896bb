using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Core.Ingestion;
using Platform.Workers.Decoding;
using Platform.Workers.Measurements;

namespace Platform.Workers.Storage;

/// <summary>
/// Writes the uplinks and rejections of several batches in one transaction, with the uplinks'
/// decodings: the decode columns of the raw rows, their measurement values and each device's
/// <c>device_latest</c> row. Idempotent: a redelivered uplink hits the primary key (device, network
/// time, dedup key) and a redelivered rejection its id; neither creates a second row. Values and
/// latest fields are written only for the raw rows this write inserted, so a redelivery decoded
/// differently from the first delivery (a version activated in between) cannot add values that
/// its stored row does not have. Rows are written per tenant with that tenant set in the session,
/// so row-level security checks the storage too.
/// </summary>
/// <remarks>
/// Two round trips when anything is new: the raw inserts report which keys they inserted, then the
/// decoded values of those follow. A write of redeliveries only needs the first.
/// </remarks>
public sealed class UplinkStoreWriter(NpgsqlDataSource database, MonthPartitions partitions)
{
    private static readonly string InsertUplinks = $"""
        INSERT INTO raw_uplinks (tenant_id, device_id, received_at, dedup_key, dev_eui, network_server_kind, application_id,
                                 f_cnt, f_port, payload, gateways, ingested_at,
                                 decoder_version_id, decoded, decode_warnings, decode_errors, decoded_at)
        SELECT $1, u.device_id, u.received_at, u.dedup_key, u.dev_eui, u.kind, u.application_id,
               u.f_cnt, u.f_port, u.payload, u.gateways::jsonb, u.ingested_at,
               u.version_id, u.decoded::jsonb, {DecodeColumns.TextArray("u.warnings")}, {DecodeColumns.TextArray("u.errors")},
               {DecodeColumns.DecodedAt("u.version_id")}
        FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::bigint[], $9::integer[], $10::bytea[], $11::text[], $12::timestamptz[],
                    $13::uuid[], $14::text[], $15::text[], $16::text[])
             AS u (device_id, received_at, dedup_key, dev_eui, kind, application_id, f_cnt, f_port, payload, gateways, ingested_at,
                   version_id, decoded, warnings, errors)
        ON CONFLICT DO NOTHING
        RETURNING device_id, received_at, dedup_key
        """;

    private const string InsertRejections = """
        INSERT INTO rejected_uplinks (id, tenant_id, device_id, topic, message, message_size, reason, detail, received_at, message_format)
        SELECT r.id, $1, r.device_id, r.topic, r.message, r.message_size, r.reason, r.detail, r.received_at, r.message_format
        FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bytea[], $6::integer[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
             AS r (id, device_id, topic, message, message_size, reason, detail, received_at, message_format)
        """;

    private const string IgnoringRedeliveries = "ON CONFLICT DO NOTHING";

    /// <summary>
    /// An uplink the storage refused again after it was replayed is open again, so that it is seen
    /// (its id is the uplink's key: <see cref="StorageFailedRejection"/>). Only the tenant's own
    /// rows are written this way; an MQTT rejection's redelivery never touches its stored row.
    /// </summary>
    private const string ReopeningReplayed = """
        ON CONFLICT (id) DO UPDATE SET replayed_at = NULL, detail = EXCLUDED.detail
        WHERE rejected_uplinks.replayed_at IS NOT NULL
        """;

    /// <returns>How many uplinks were new (the rest were already stored).</returns>
    /// <param name="decodes">One per uplink, in the same order; null for an uplink stored raw only.</param>
    public async Task<StoreResult> WriteAsync(IReadOnlyList<AdmittedUplink> uplinks, IReadOnlyList<UplinkDecode?> decodes,
        IReadOnlyList<UplinkRejection> rejections, CancellationToken cancellationToken)
    {
        await partitions.EnsureAsync(uplinks.Select(uplink => uplink.Uplink.NetworkTime), cancellationToken);

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A key twice in one write (both copies of a redelivery) is written from its first copy only, so
        // the values written in the second round trip are those of the raw row the first one inserted.
        var tenants = uplinks.Zip(decodes, (uplink, decode) => new Decoded(uplink, decode))
            .DistinctBy(row => StoredKey.Of(row.Row))
            .GroupBy(row => row.Uplink.TenantId)
            .ToList();

        var (inserted, rejectionsStored) = await WriteRawAsync(connection, transaction, tenants, rejections, cancellationToken);
        await WriteValuesAsync(connection, transaction, tenants, inserted, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new StoreResult(inserted.Count, rejectionsStored);
    }

    /// <returns>The keys of the raw rows this write inserted, and how many rejections were new.</returns>
    private static async Task<(HashSet<StoredKey> Inserted, int RejectionsStored)> WriteRawAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, List<IGrouping<Guid, Decoded>> tenants, IReadOnlyList<UplinkRejection> rejections,
        CancellationToken cancellationToken)
    {
        var inserted = new HashSet<StoredKey>();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var tenant in tenants)
        {
            batch.BatchCommands.Add(TenantSession.Enter(tenant.Key));
            batch.BatchCommands.Add(UplinkRows(tenant.Key, tenant.ToList()));
        }

        var rejectionCommands = new List<NpgsqlBatchCommand>();
        foreach (var tenant in rejections.GroupBy(rejection => (rejection.TenantId, rejection.Format)))
        {
            batch.BatchCommands.Add(TenantSession.Enter(tenant.Key.TenantId));
            var insert = RejectionRows(tenant.Key.TenantId, tenant.Key.Format, tenant.ToList());
            rejectionCommands.Add(insert);
            batch.BatchCommands.Add(insert);
        }

        if (batch.BatchCommands.Count == 0)
        {
            return (inserted, 0);
        }

        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                // set_config's result sets are skipped; the uplink inserts return the keys they inserted.
                if (reader.FieldCount != 3 || reader.GetName(2) != "dedup_key")
                {
                    continue;
                }

                while (await reader.ReadAsync(cancellationToken))
                {
                    inserted.Add(new StoredKey(reader.GetGuid(0), reader.GetFieldValue<DateTime>(1).Ticks / TimeSpan.TicksPerMicrosecond,
                        reader.GetString(2)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return (inserted, rejectionCommands.Sum(command => command.RecordsAffected));
    }

    /// <summary>Measurements and latest values of the uplinks whose raw rows this write inserted.</summary>
    private static async Task WriteValuesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<IGrouping<Guid, Decoded>> tenants,
        HashSet<StoredKey> inserted, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var tenant in tenants)
        {
            var rows = tenant.Select(row => row.Row).Where(row => inserted.Contains(StoredKey.Of(row))).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            batch.BatchCommands.Add(TenantSession.Enter(tenant.Key));
            if (MeasurementRows.Insert(tenant.Key, rows) is { } values)
            {
                batch.BatchCommands.Add(values);
            }

            // Every new uplink's device, decoded or not: last seen is kept for all of them.
            batch.BatchCommands.Add(DeviceLatestRows.Merge(tenant.Key, DeviceLatestUpdate.Of(rows)));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static NpgsqlBatchCommand UplinkRows(Guid tenantId, List<Decoded> rows)
    {
        var command = new NpgsqlBatchCommand(InsertUplinks)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = tenantId },
                SqlArrays.Of(rows, row => row.Uplink.DeviceId),
                SqlArrays.Of(rows, row => row.Uplink.Uplink.NetworkTime.UtcDateTime, NpgsqlDbType.TimestampTz),
                SqlArrays.Of(rows, row => row.Uplink.Uplink.DeduplicationKey),
                SqlArrays.Of(rows, row => row.Uplink.Uplink.DevEui.Value),
                SqlArrays.Of(rows, row => row.Uplink.Uplink.Kind.ToString()),
                SqlArrays.Of(rows, row => row.Uplink.Uplink.ApplicationId),
                SqlArrays.Of(rows, row => (long)row.Uplink.Uplink.FCnt),
                SqlArrays.Of(rows, row => row.Uplink.Uplink.FPort),
                SqlArrays.Of(rows, row => row.Uplink.Uplink.Payload, NpgsqlDbType.Bytea),
                SqlArrays.Of(rows, row => JsonSerializer.Serialize(row.Uplink.Uplink.Gateways, IngestionJsonContext.Default.IReadOnlyListGatewayReception)),
                SqlArrays.Of(rows, row => row.Uplink.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz),
            },
        };
        foreach (var parameter in DecodeColumns.Parameters(rows, row => row.Decode))
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static NpgsqlBatchCommand RejectionRows(Guid? tenantId, RejectedMessageFormat format, List<UplinkRejection> rows) =>
        new(InsertRejections + "\n" + (format == RejectedMessageFormat.AdmittedUplink && tenantId is not null ? ReopeningReplayed : IgnoringRedeliveries))
    {
        Parameters =
        {
            new NpgsqlParameter { Value = tenantId is { } id ? id : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
            SqlArrays.Of(rows, row => row.Id),
            SqlArrays.Of(rows, row => row.DeviceId, NpgsqlDbType.Uuid),
            SqlArrays.Of(rows, row => row.Topic),
            SqlArrays.Of(rows, row => row.Message, NpgsqlDbType.Bytea),
            SqlArrays.Of(rows, row => row.MessageSize),
            SqlArrays.Of(rows, row => row.Reason.ToString()),
            SqlArrays.Of(rows, row => row.Detail),
            SqlArrays.Of(rows, row => row.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz),
            SqlArrays.Of(rows, row => row.Format.ToString()),
        },
    };

    private sealed record Decoded(AdmittedUplink Uplink, UplinkDecode? Decode)
    {
        public DecodedUplinkRow Row { get; } = new(Uplink.DeviceId, Uplink.Uplink.NetworkTime, Uplink.Uplink.DeduplicationKey, Uplink.Uplink.FCnt, Decode);
    }

    /// <summary>
    /// A raw row's primary key, its time in PostgreSQL's microseconds: Npgsql drops the sub-microsecond
    /// ticks when it sends a time, so a key read back equals the key computed here from the sent time.
    /// </summary>
    private readonly record struct StoredKey(Guid DeviceId, long Microseconds, string DeduplicationKey)
    {
        public static StoredKey Of(DecodedUplinkRow row) =>
            new(row.DeviceId, row.Time.UtcTicks / TimeSpan.TicksPerMicrosecond, row.DeduplicationKey);
    }
}

/// <summary>Rows that were new in this write; the others were redeliveries of rows already stored.</summary>
public sealed record StoreResult(int UplinksStored, int RejectionsStored);
