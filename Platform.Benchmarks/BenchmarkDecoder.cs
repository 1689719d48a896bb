using Npgsql;
using Platform.Core.Tenancy;

namespace Platform.Benchmarks;

/// <summary>
/// <c>--decoder tlv</c>: gives the demo tenant the example TLV decoder (../shared/data/decoders),
/// version 1 active, and assigns it to every device of the fleet, whose simulated payloads are that
/// decoder's format. Written straight to the database in platform scope, as an admin's API calls would.
/// </summary>
public static class BenchmarkDecoder
{
    public const string Tlv = "tlv";

    public static async Task AssignTlvAsync(string connectionString)
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "tlv-env-sensor.js"));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT set_config('platform.scope', 'platform', false);
            WITH tenant AS (SELECT id FROM tenants WHERE slug = @slug),
                 decoder AS (
                     INSERT INTO decoders (id, tenant_id, name, description, active_version, latest_version, created_at, updated_at)
                     SELECT @decoder, tenant.id, 'tlv-env-sensor', 'Benchmark decoder', 1, 1, now(), now() FROM tenant
                     RETURNING id, tenant_id),
                 version AS (
                     INSERT INTO decoder_versions (decoder_id, version, tenant_id, id, codec, script, vectors, notes, created_by, created_at)
                     SELECT decoder.id, 1, decoder.tenant_id, @version, 'JavaScript', @script, '[]', '', NULL, now() FROM decoder
                     RETURNING decoder_id)
            UPDATE devices SET decoder_id = (SELECT decoder_id FROM version) WHERE tenant_id = (SELECT id FROM tenant);
            """, connection);
        command.Parameters.AddWithValue("slug", DemoTenantBootstrap.TenantSlug);
        command.Parameters.AddWithValue("decoder", Guid.CreateVersion7());
        command.Parameters.AddWithValue("version", Guid.CreateVersion7());
        command.Parameters.AddWithValue("script", script);
        await command.ExecuteNonQueryAsync();
    }
}
