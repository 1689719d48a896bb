using Npgsql;
using Platform.Core.Persistence;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Ingestion;

/// <summary>Reads what the storage wrote, straight from PostgreSQL (platform scope), and waits for it.</summary>
public sealed class StoredUplinks(PlatformAppFixture fixture)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public Task<long> CountAsync(Guid deviceId) =>
        ScalarAsync<long>("SELECT count(*) FROM raw_uplinks WHERE device_id = @device", ("device", deviceId));

    public Task<long> CountByKeyAsync(string deduplicationKey) =>
        ScalarAsync<long>("SELECT count(*) FROM raw_uplinks WHERE dedup_key = @key", ("key", deduplicationKey));

    /// <summary>Rejections of messages on this topic: (reason, tenant) of each.</summary>
    public async Task<IReadOnlyList<(string Reason, Guid? TenantId)>> RejectionsAsync(string topic) =>
        (await RejectionsAsync([topic])).Select(rejection => (rejection.Reason, rejection.TenantId)).ToList();

    /// <summary>Every rejection of messages on these topics, with the message as stored.</summary>
    public Task<List<StoredRejection>> RejectionsAsync(IReadOnlyCollection<string> topics) =>
        ReadAsync("SELECT topic, message, message_size, reason, tenant_id FROM rejected_uplinks WHERE topic = ANY(@topics)",
            reader => new StoredRejection(reader.GetString(0), (byte[])reader.GetValue(1), reader.GetInt32(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4)),
            ("topics", topics.ToArray()));

    /// <summary>The deduplication keys of a tenant's stored uplinks, one per row.</summary>
    public Task<List<string>> KeysAsync(Guid tenantId) =>
        ReadAsync("SELECT dedup_key FROM raw_uplinks WHERE tenant_id = @tenant", reader => reader.GetString(0), ("tenant", tenantId));

    /// <summary>Polls until <paramref name="done"/> holds or <see cref="Patience"/> runs out; returns the last value.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        var value = await read();
        while (!done(value) && !patience.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
            value = await read();
        }

        return value;
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Rows of any query, read in platform scope.</summary>
    public async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> row, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var scope = new NpgsqlCommand("SELECT set_config('platform.scope', 'platform', false)", connection);
        await scope.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}

/// <summary>A rejection as stored: the message (cut at 64 KiB), its size as received, the reason and the tenant, if any.</summary>
public sealed record StoredRejection(string Topic, byte[] Message, int Size, string Reason, Guid? TenantId);
