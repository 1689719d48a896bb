using Npgsql;
using Platform.Core.Decoders;
using Platform.Core.Decoding.JavaScript;
using Platform.Workers.Storage;

namespace Platform.Workers.Decoding;

/// <summary>
/// Compiled decoder versions for the storage: from the one process-wide <see cref="CompiledDecoders"/>,
/// reading a version's script from the database only when that version is not compiled yet.
/// </summary>
public sealed class DecoderVersionBuilds(NpgsqlDataSource database, CompiledDecoders compiled)
{
    private const string Select = "SELECT id, script FROM decoder_versions WHERE id = ANY($1)";

    /// <param name="versions">Each version with a tenant that uses it (row-level security lets that tenant read it).</param>
    public async Task<IReadOnlyDictionary<Guid, DecoderBuild>> GetAsync(IReadOnlyDictionary<Guid, (Guid TenantId, DecoderCodec Codec)> versions,
        CancellationToken cancellationToken)
    {
        var builds = new Dictionary<Guid, DecoderBuild>();
        foreach (var versionId in versions.Keys)
        {
            if (compiled.TryGet(versionId, out var build))
            {
                builds[versionId] = build;
            }
        }

        var missing = versions.Where(pair => !builds.ContainsKey(pair.Key)).ToList();
        if (missing.Count == 0)
        {
            return builds;
        }

        var scripts = await ReadScriptsAsync(missing.GroupBy(pair => pair.Value.TenantId, pair => pair.Key), cancellationToken);
        foreach (var (versionId, (_, codec)) in missing)
        {
            // A version deleted since its assignment was read must not be cached as "needs a script" for good.
            builds[versionId] = scripts.TryGetValue(versionId, out var script)
                ? compiled.GetOrCompile(versionId, codec, script)
                : new DecoderBuild(null, new ScriptError("decoder version no longer exists"));
        }

        return builds;
    }

    private async Task<Dictionary<Guid, string?>> ReadScriptsAsync(IEnumerable<IGrouping<Guid, Guid>> byTenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var tenant in byTenant)
        {
            batch.BatchCommands.Add(TenantSession.Enter(tenant.Key));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Select) { Parameters = { new NpgsqlParameter { Value = tenant.ToArray() } } });
        }

        var scripts = new Dictionary<Guid, string?>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                if (reader.FieldCount != 2)
                {
                    continue;
                }

                while (await reader.ReadAsync(cancellationToken))
                {
                    scripts[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return scripts;
    }
}
