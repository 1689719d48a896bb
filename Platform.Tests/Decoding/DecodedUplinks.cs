using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Decoding;

/// <summary>Reads what the worker stored of decodings (platform scope): decode columns, measurements, device_latest, jobs.</summary>
public sealed class DecodedUplinks(PlatformAppFixture fixture)
{
    private readonly StoredUplinks _stored = new(fixture);

    public async Task<IReadOnlyList<DecodedRow>> OfDeviceAsync(Guid device) =>
        await _stored.ReadAsync("""
            SELECT dedup_key, f_cnt, decoder_version_id, decoded::text, decode_warnings, decode_errors, decoded_at, received_at
            FROM raw_uplinks WHERE device_id = @device ORDER BY received_at, dedup_key
            """,
            reader => new DecodedRow(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : JsonNode.Parse(reader.GetString(3))!.AsObject(),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<string[]>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)),
            ("device", device));

    /// <summary>(dedup key, name, value) of each measurement row of the device.</summary>
    public async Task<IReadOnlyList<(string Key, string Name, double Value)>> MeasurementsAsync(Guid device) =>
        await _stored.ReadAsync("SELECT dedup_key, name, value FROM measurements WHERE device_id = @device ORDER BY received_at, dedup_key, name",
            reader => (reader.GetString(0), reader.GetString(1), reader.GetDouble(2)), ("device", device));

    public async Task<LatestRow?> LatestAsync(Guid device) =>
        (await _stored.ReadAsync("SELECT last_seen_at, last_f_cnt, data::text, data_at FROM device_latest WHERE device_id = @device",
            reader => new LatestRow(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), JsonNode.Parse(reader.GetString(2))!.AsObject(),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)),
            ("device", device))).SingleOrDefault();

    public async Task<DateTimeOffset?> JobFinishedAtAsync(Guid job) =>
        (await _stored.ReadAsync("SELECT finished_at FROM redecode_jobs WHERE id = @id",
            reader => reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0), ("id", job))).Single();

    public async Task<JobRow> JobAsync(Guid job) =>
        (await _stored.ReadAsync("SELECT status, total, processed, failed, cursor, error FROM redecode_jobs WHERE id = @id",
            reader => new JobRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)),
            ("id", job))).Single();
}

public sealed record DecodedRow(string Key, long FCnt, Guid? VersionId, JsonObject? Decoded, string[]? Warnings, string[]? Errors, DateTimeOffset? DecodedAt,
    DateTimeOffset ReceivedAt);

public sealed record LatestRow(DateTimeOffset LastSeenAt, long LastFCnt, JsonObject Data, DateTimeOffset? DataAt);

public sealed record JobRow(string Status, long? Total, long Processed, long Failed, string? Cursor, string? Error);
