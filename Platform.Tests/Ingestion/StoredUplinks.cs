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
    public async Task<IReadOnlyList<(string Reason, Guid? TenantId)>> RejectionsAsync(string topic)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT reason, tenant_id FROM rejected_uplinks WHERE topic = @topic", connection);
        command.Parameters.AddWithValue("topic", topic);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rejections = new List<(string, Guid?)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rejections.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetGuid(1)));
        }

        return rejections;
    }

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

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var scope = new NpgsqlCommand("SELECT set_config('platform.scope', 'platform', false)", connection);
        await scope.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
