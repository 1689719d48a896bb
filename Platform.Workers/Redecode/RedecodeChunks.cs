using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Core.Decoders;
using Platform.Core.Decoding;
using Platform.Workers.Decoding;
using Platform.Workers.Measurements;
using Platform.Workers.Storage;

namespace Platform.Workers.Redecode;

/// <summary>
/// Runs one chunk of the open re-decode job whose turn it is, in one transaction: claims the job row with
/// <c>FOR UPDATE SKIP LOCKED</c> (so two workers never decode the same chunk, and a job whose worker
/// died is simply claimed again), reads up to <see cref="ChunkSize"/> uplinks after its cursor,
/// decodes them with the job's version, rewrites their decode columns, measurements and the devices'
/// latest values, and advances the job. A crash rolls the chunk back whole; the cursor was not moved.
/// </summary>
public sealed partial class RedecodeChunks(
    NpgsqlDataSource database,
    CompiledDecoders compiled,
    DecoderRunner runner,
    MonthPartitions partitions,
    ILogger<RedecodeChunks> logger)
{
    public const string ActivitySourceName = "Platform.Workers.Redecode";

    public const int ChunkSize = 500;

    private static readonly ActivitySource Tracing = new(ActivitySourceName);
    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    // Only the oldest open job of each decoder may run: two workers decoding the same uplinks with
    // v3 and v4 at once would leave whichever committed last, not the newer version.
    private const string ClaimJob = """
        SELECT tenant_id, id, decoder_id, version, version_id, range_from, range_to, device_ids, total, cursor
        FROM redecode_jobs j
        WHERE status IN ('Pending', 'Running')
          AND NOT EXISTS (SELECT FROM redecode_jobs earlier
                          WHERE earlier.tenant_id = j.tenant_id AND earlier.decoder_id = j.decoder_id
                            AND earlier.status IN ('Pending', 'Running')
                            AND (earlier.created_at, earlier.id) < (j.created_at, j.id))
        -- Turns: the job that waited longest for its next chunk, so one tenant's long job cannot hold up
        -- another tenant's (a new job waits no longer than one chunk of each job ahead of it).
        ORDER BY coalesce(last_chunk_at, created_at), id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    // The script only when the version is not compiled yet; the row in any case, to know it still exists.
    private const string SelectVersion = "SELECT codec, CASE WHEN $2 THEN NULL ELSE script END FROM decoder_versions WHERE id = $1";

    private static readonly string UpdateUplinks = $"""
        UPDATE raw_uplinks r
        SET decoder_version_id = u.version_id, decoded = u.decoded::jsonb,
            decode_warnings = {DecodeColumns.TextArray("u.warnings")}, decode_errors = {DecodeColumns.TextArray("u.errors")},
            decoded_at = {DecodeColumns.DecodedAt("u.version_id")}
        FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[])
             AS u (device_id, received_at, dedup_key, version_id, decoded, warnings, errors)
        WHERE r.tenant_id = $1 AND r.device_id = u.device_id AND r.received_at = u.received_at AND r.dedup_key = u.dedup_key
        """;

    private const string AdvanceJob = """
        UPDATE redecode_jobs
        SET status = $3, total = coalesce(total, $4), started_at = coalesce(started_at, now()),
            processed = processed + $5, failed = failed + $6, cursor = $7,
            finished_at = CASE WHEN $3 = 'Completed' THEN now() END, last_chunk_at = now()
        WHERE tenant_id = $1 AND id = $2
        """;

    private const string FailJob = """
        UPDATE redecode_jobs SET status = 'Failed', error = $3, finished_at = now()
        WHERE tenant_id = $1 AND id = $2
        """;

    /// <returns>False when there was no open job (the caller waits before asking again).</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var job = await ClaimAsync(connection, transaction, cancellationToken);
        if (job is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        try
        {
            await ProcessAsync(connection, transaction, job, cancellationToken);
        }
        catch (PostgresException exception) when (PostgresErrors.IsPermanent(exception))
        {
            // What this chunk writes can never be stored: retrying it every poll would never end and
            // hold up every job behind it. The job fails, saying where and why; nothing of the chunk is kept.
            await transaction.RollbackAsync(CancellationToken.None);
            var where = job.Cursor == RedecodeCursor.Start
                ? "the first uplinks"
                : $"the uplinks after device {job.Cursor.DeviceId}, {job.Cursor.Time:O}";
            var why = exception.MessageText.Length > 500 ? exception.MessageText[..500] : exception.MessageText;
            await FailAsync(job, $"{where} cannot be stored ({exception.SqlState}: {why})", cancellationToken);
        }

        return true;
    }

    private async Task ProcessAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClaimedJob job,
        CancellationToken cancellationToken)
    {
        using var activity = Tracing.StartActivity("redecode chunk");
        activity?.SetTag("platform.tenant_id", job.TenantId.ToString());
        activity?.SetTag("platform.redecode_job_id", job.Id.ToString());

        var (build, total, uplinks) = await ReadAsync(connection, transaction, job, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(TenantSession.Enter(job.TenantId));
        if (build is null)
        {
            var error = $"decoder version {job.Version} ({job.VersionId}) no longer exists";
            batch.BatchCommands.Add(Command(FailJob, job.TenantId, job.Id, error));
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogFailed(logger, job.Id, job.TenantId, error);
            return;
        }

        var rows = Decode(job, build, uplinks);
        await partitions.EnsureAsync(rows.Select(row => row.Time), cancellationToken);
        if (rows.Count > 0)
        {
            batch.BatchCommands.Add(UplinkDecodes(job.TenantId, rows));
            batch.BatchCommands.Add(MeasurementRows.Delete(job.TenantId, rows));
            if (MeasurementRows.Insert(job.TenantId, rows) is { } values)
            {
                batch.BatchCommands.Add(values);
            }

            batch.BatchCommands.Add(DeviceLatestRows.Merge(job.TenantId, DeviceLatestUpdate.Of(rows)));
        }

        var completed = rows.Count < ChunkSize;
        var cursor = rows.Count > 0 ? new RedecodeCursor(rows[^1].DeviceId, rows[^1].Time, rows[^1].DeduplicationKey) : job.Cursor;
        batch.BatchCommands.Add(Command(AdvanceJob, job.TenantId, job.Id,
            (completed ? RedecodeJobStatus.Completed : RedecodeJobStatus.Running).ToString(), total,
            (long)rows.Count, (long)rows.Count(row => row.Decode is { Succeeded: false }), cursor.ToString()));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity?.SetTag("platform.redecode.uplinks", rows.Count);
        if (completed)
        {
            LogCompleted(logger, job.Id, job.TenantId, job.Version);
        }

    }

    private async Task FailAsync(ClaimedJob job, string error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { TenantSession.Enter(job.TenantId), Command(FailJob, job.TenantId, job.Id, error) },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogFailed(logger, job.Id, job.TenantId, error);
    }

    private static async Task<ClaimedJob?> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Finding work across tenants is the one thing done in platform scope; it ends with this batch.
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { TenantSession.EnterPlatformScope(), new NpgsqlBatchCommand(ClaimJob), TenantSession.LeavePlatformScope() },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        ClaimedJob? job = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            job = new ClaimedJob(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt32(3), reader.GetGuid(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<Guid[]>(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), RedecodeCursor.Parse(reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return job;
    }

    /// <returns>The compiled version (null when it no longer exists), the job's total, and the next chunk of uplinks.</returns>
    private async Task<(DecoderBuild? Build, long Total, List<StoredUplink> Uplinks)> ReadAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, ClaimedJob job, CancellationToken cancellationToken)
    {
        var isCompiled = compiled.TryGet(job.VersionId, out var cached);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(TenantSession.Enter(job.TenantId));
        batch.BatchCommands.Add(Command(SelectVersion, job.VersionId, isCompiled));
        if (job.Total is null)
        {
            batch.BatchCommands.Add(RedecodeSelection.Count(job));
        }

        batch.BatchCommands.Add(RedecodeSelection.Chunk(job, ChunkSize));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        await reader.NextResultAsync(cancellationToken);
        DecoderBuild? build = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            var codec = Enum.Parse<DecoderCodec>(reader.GetString(0));
            build = cached ?? compiled.GetOrCompile(job.VersionId, codec, reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        var total = job.Total ?? 0;
        if (job.Total is null)
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            total = reader.GetInt64(0);
        }

        await reader.NextResultAsync(cancellationToken);
        var uplinks = new List<StoredUplink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            uplinks.Add(new StoredUplink(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetInt32(4), (byte[])reader.GetValue(5), reader.GetString(6)));
        }

        return (build, total, uplinks);
    }

    private List<DecodedUplinkRow> Decode(ClaimedJob job, DecoderBuild build, List<StoredUplink> uplinks)
    {
        var rows = new DecodedUplinkRow[uplinks.Count];
        Parallel.For(0, uplinks.Count, Parallelism, index =>
        {
            var uplink = uplinks[index];
            var variables = JsonSerializer.Deserialize<Dictionary<string, string>>(uplink.Variables) ?? [];
            var decode = runner.Run(new DecoderUse(job.TenantId, job.VersionId), build, new DecodeInput(uplink.Payload, uplink.FPort, uplink.Time, variables));
            rows[index] = new DecodedUplinkRow(uplink.DeviceId, uplink.Time, uplink.DeduplicationKey, uplink.FCnt, decode);
        });
        return [.. rows];
    }

    private static NpgsqlBatchCommand UplinkDecodes(Guid tenantId, List<DecodedUplinkRow> rows)
    {
        var command = new NpgsqlBatchCommand(UpdateUplinks)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = tenantId },
                SqlArrays.Of(rows, row => row.DeviceId),
                SqlArrays.Of(rows, row => row.Time.UtcDateTime, NpgsqlDbType.TimestampTz),
                SqlArrays.Of(rows, row => row.DeduplicationKey),
            },
        };
        foreach (var parameter in DecodeColumns.Parameters(rows, row => row.Decode))
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private sealed record StoredUplink(Guid DeviceId, DateTimeOffset Time, string DeduplicationKey, long FCnt, int FPort, byte[] Payload, string Variables);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-decode job {JobId} of tenant {TenantId} completed with version {Version}")]
    private static partial void LogCompleted(ILogger logger, Guid jobId, Guid tenantId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-decode job {JobId} of tenant {TenantId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid jobId, Guid tenantId, string error);
}
