using Npgsql;
using Platform.Core.Tenancy;

namespace Platform.Benchmarks;

/// <summary>
/// <c>--no-decoder</c>: the demo devices come with the platform library's TLV decoder (their simulated
/// payloads are its format); this takes it away from them, written straight to the database in
/// platform scope as an admin's API calls would, so a run measures storing raw uplinks alone.
/// </summary>
public static class BenchmarkDecoder
{
    public static async Task RemoveAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT set_config('platform.scope', 'platform', false);
            UPDATE devices SET decoder_id = NULL WHERE tenant_id = (SELECT id FROM tenants WHERE slug = @slug);
            """, connection);
        command.Parameters.AddWithValue("slug", DemoTenantBootstrap.TenantSlug);
        await command.ExecuteNonQueryAsync();
    }
}
