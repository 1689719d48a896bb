using Platform.Core.Devices;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Decoding;

/// <summary>
/// Creates decoders, versions, assignments and re-decode jobs straight in the database (platform
/// scope), as the decoder API would, so the worker's side can be tested on its own.
/// </summary>
public sealed class DecoderSeeder(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);

    public static readonly string TlvScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "tlv-env-sensor.js"));

    /// <summary>A device of a new tenant, bound to a new network-server application, with a new decoder of that tenant (version 1 active) when a script is given.</summary>
    public async Task<SeededDevice> DeviceAsync(string? script, NetworkServerKind kind = NetworkServerKind.ChirpStack)
    {
        var tenant = await _seeder.CreateTenantAsync();
        var organization = await _seeder.CreateOrganizationAsync(tenant);
        var devEui = TestTenantSeeder.RandomDevEui();
        var application = kind == NetworkServerKind.ChirpStack ? Guid.NewGuid().ToString() : "sensors-" + Guid.NewGuid().ToString("N")[..8] + "@acme";
        var device = await _seeder.CreateDeviceAsync(tenant, organization, devEui, new NetworkServerBinding(kind, application));
        if (script is null)
        {
            return new SeededDevice(tenant, device, devEui, application, Guid.Empty, Guid.Empty);
        }

        var (decoder, version) = await CreateActiveDecoderAsync(tenant, script);
        await AssignAsync(device, decoder);
        return new SeededDevice(tenant, device, devEui, application, decoder, version);
    }

    /// <returns>The decoder's id and the id of its version 1, active.</returns>
    public async Task<(Guid Decoder, Guid Version)> CreateActiveDecoderAsync(Guid? tenantId, string script)
    {
        var decoder = Guid.CreateVersion7();
        await _seeder.ExecuteAsync("""
            INSERT INTO decoders (id, tenant_id, name, description, active_version, latest_version, created_at, updated_at)
            VALUES (@id, @tenant, @name, '', NULL, 0, now(), now())
            """, ("id", decoder), ("tenant", (object?)tenantId ?? DBNull.Value), ("name", "decoder " + decoder.ToString("N")[^8..]));
        var version = await AddVersionAsync(decoder, tenantId, 1, script);
        await ActivateAsync(decoder, 1);
        return (decoder, version);
    }

    public async Task<Guid> AddVersionAsync(Guid decoder, Guid? tenantId, int number, string script)
    {
        var version = Guid.CreateVersion7();
        await _seeder.ExecuteAsync("""
            INSERT INTO decoder_versions (decoder_id, version, tenant_id, id, codec, script, vectors, notes, created_by, created_at)
            VALUES (@decoder, @number, @tenant, @id, 'JavaScript', @script, '[]', '', NULL, now());
            UPDATE decoders SET latest_version = @number WHERE id = @decoder;
            """, ("decoder", decoder), ("number", number), ("tenant", (object?)tenantId ?? DBNull.Value), ("id", version), ("script", script));
        return version;
    }

    public Task ActivateAsync(Guid decoder, int number) =>
        _seeder.ExecuteAsync("UPDATE decoders SET active_version = @number WHERE id = @decoder", ("decoder", decoder), ("number", number));

    public Task AssignAsync(Guid device, Guid decoder) =>
        _seeder.ExecuteAsync("UPDATE devices SET decoder_id = @decoder WHERE id = @device", ("device", device), ("decoder", decoder));

    /// <summary>Raw uplinks written straight to the table (battery 100 each, not decoded), a millisecond apart from <paramref name="start"/>.</summary>
    public Task StoreRawUplinksAsync(SeededDevice device, int count, DateTimeOffset start) =>
        _seeder.ExecuteAsync("""
            INSERT INTO raw_uplinks (tenant_id, device_id, received_at, dedup_key, dev_eui, network_server_kind, application_id,
                                     f_cnt, f_port, payload, gateways, ingested_at)
            SELECT @tenant, @device, @start + n * interval '1 millisecond', 'seeded-' || n, @devEui, 'ChirpStack', @application,
                   n, 1, '\x017564'::bytea, '[]', now()
            FROM generate_series(1, @count) AS n
            """, ("tenant", device.Tenant), ("device", device.Device), ("start", start), ("devEui", device.DevEui),
            ("application", device.Application), ("count", count));

    public async Task<Guid> CreateRedecodeJobAsync(Guid tenantId, Guid decoder, int version, Guid versionId, DateTimeOffset from, DateTimeOffset to,
        Guid[]? devices = null, string status = "Pending", long? total = null, long processed = 0, string? cursor = null)
    {
        var job = Guid.CreateVersion7();
        await _seeder.ExecuteAsync("""
            INSERT INTO redecode_jobs (tenant_id, id, decoder_id, version, version_id, range_from, range_to, device_ids, status,
                                       total, processed, failed, cursor, created_at)
            VALUES (@tenant, @id, @decoder, @version, @versionId, @from, @to, @devices, @status, @total, @processed, 0, @cursor, now())
            """, ("tenant", tenantId), ("id", job), ("decoder", decoder), ("version", version), ("versionId", versionId), ("from", from), ("to", to),
            ("devices", devices ?? []), ("status", status), ("total", (object?)total ?? DBNull.Value), ("processed", processed),
            ("cursor", (object?)cursor ?? DBNull.Value));
        return job;
    }
}

/// <param name="Decoder">Its decoder, <see cref="Guid.Empty"/> when it has none; <paramref name="Version"/> likewise.</param>
public sealed record SeededDevice(Guid Tenant, Guid Device, string DevEui, string Application, Guid Decoder, Guid Version)
{
    public Guid ChirpStackApplication => Guid.Parse(Application);
}
