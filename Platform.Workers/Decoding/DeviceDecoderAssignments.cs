using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;
using Platform.Core.Decoders;
using Platform.Workers.Storage;

namespace Platform.Workers.Decoding;

/// <summary>
/// Which decoder version each device's uplinks are decoded with (device → decoder → active version,
/// with the device's variables), cached for <see cref="Lifetime"/> so that an activation or a
/// reassignment applies within seconds without a query per uplink. Misses are read with one query
/// per tenant, all in one round trip, each with that tenant set so row-level security applies
/// (library decoders, tenant_id NULL, are readable by every tenant).
/// </summary>
public sealed class DeviceDecoderAssignments(NpgsqlDataSource database, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>Past this many entries the expired ones are dropped (devices that went quiet or were deleted).</summary>
    private const int SweepAbove = 100_000;

    private const string Select = """
        SELECT d.id, v.id, v.codec, d.variables::text
        FROM devices d
        LEFT JOIN decoders c ON c.id = d.decoder_id
        LEFT JOIN decoder_versions v ON v.decoder_id = c.id AND v.version = c.active_version
        WHERE d.tenant_id = $1 AND d.id = ANY($2)
        """;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <returns>Each device's decoder, or null for a device whose uplinks are stored raw only.</returns>
    public async Task<IReadOnlyDictionary<Guid, DeviceDecoder?>> GetAsync(IEnumerable<(Guid TenantId, Guid DeviceId)> devices,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = new Dictionary<Guid, DeviceDecoder?>();
        var missing = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var (tenantId, deviceId) in devices)
        {
            if (_entries.TryGetValue(deviceId, out var entry) && entry.Expires > now)
            {
                found[deviceId] = entry.Decoder;
            }
            else if (!found.ContainsKey(deviceId))
            {
                (missing.TryGetValue(tenantId, out var ids) ? ids : missing[tenantId] = []).Add(deviceId);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var read = await ReadAsync(missing, cancellationToken);
        var expires = now + Lifetime;
        if (_entries.Count > SweepAbove)
        {
            foreach (var stale in _entries.Where(pair => pair.Value.Expires <= now))
            {
                _entries.TryRemove(stale);
            }
        }

        foreach (var deviceId in missing.Values.SelectMany(ids => ids))
        {
            // A device that is gone (or not the tenant's) has no decoder: its uplinks are stored raw.
            var decoder = read.GetValueOrDefault(deviceId);
            _entries[deviceId] = new Entry(decoder, expires);
            found[deviceId] = decoder;
        }

        return found;
    }

    private async Task<Dictionary<Guid, DeviceDecoder?>> ReadAsync(Dictionary<Guid, HashSet<Guid>> missing, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (tenantId, deviceIds) in missing)
        {
            batch.BatchCommands.Add(TenantSession.Enter(tenantId));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Select)
            {
                Parameters = { new NpgsqlParameter { Value = tenantId }, new NpgsqlParameter { Value = deviceIds.ToArray() } },
            });
        }

        var read = new Dictionary<Guid, DeviceDecoder?>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                // set_config's one-column result sets are skipped; the selects have four columns.
                if (reader.FieldCount != 4)
                {
                    continue;
                }

                while (await reader.ReadAsync(cancellationToken))
                {
                    read[reader.GetGuid(0)] = reader.IsDBNull(1)
                        ? null
                        : new DeviceDecoder(reader.GetGuid(1), Enum.Parse<DecoderCodec>(reader.GetString(2)), Variables(reader.GetString(3)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return read;
    }

    private static Dictionary<string, string> Variables(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private sealed record Entry(DeviceDecoder? Decoder, DateTimeOffset Expires);
}
