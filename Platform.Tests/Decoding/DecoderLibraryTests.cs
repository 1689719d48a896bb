using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Core.Decoders;
using Platform.Core.Decoders.Library;
using Platform.Core.Decoding.JavaScript;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Decoding;

/// <summary>The platform's decoder library, as the migration installs it, and the demo devices decoded with it.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class DecoderLibraryTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> LibraryNames() => [.. DecoderLibrary.Entries.Select(entry => entry.Name)];

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void EveryLibraryDecoderCompilesAndPassesItsVectors(string name)
    {
        var entry = DecoderLibrary.Entries.Single(e => e.Name == name);
        var build = DecoderBuild.Of(entry.Codec, entry.Script, DecoderLimits.Default);

        Assert.True(build.Succeeded, build.Error?.ToString());
        Assert.NotEmpty(entry.Vectors);
        Assert.All(VectorOutcome.RunAll(build.Decoder, entry.Vectors), outcome => Assert.True(outcome.Passed, $"{outcome.Description}: {outcome.Difference}"));
    }

    [Fact]
    public void TheSimulatorsDecoderIsTheSharedExampleDecoder()
    {
        var shared = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "tlv-env-sensor.js"));

        Assert.Equal(shared, DecoderLibrary.Entries.Single(e => e.Name == DecoderLibrary.EnvironmentSensorName).Script);
    }

    [Fact]
    public async Task TheMigrationInstalledEveryLibraryDecoderOnceAndActivatedIt()
    {
        // Platform admins may add library decoders of their own (other tests do); the release's are these.
        var installed = (await LibraryAsync()).Where(d => DecoderLibrary.Entries.Any(e => e.Name == d.Name)).ToList();

        Assert.Equal(DecoderLibrary.Entries.Count, installed.Count);
        Assert.All(installed, decoder =>
        {
            Assert.Equal(1, decoder.Versions);
            Assert.Equal(decoder.LatestVersion, decoder.ActiveVersion);
        });
    }

    [Fact]
    public async Task InstallingTheSameReleaseAgainChangesNothing()
    {
        var before = await LibraryAsync();

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{PersistenceExtensions.ConnectionName}"] =
            await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName);
        builder.AddPlatformDatabase();
        builder.Services.AddPlatformIdentity();
        builder.Services.AddScoped<DecoderLibraryBootstrap>();
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DecoderLibraryBootstrap>().EnsureAsync(Ct);
        }

        Assert.Equal(before, await LibraryAsync());
    }

    [Fact]
    public async Task TheDemoDevicesAreDecodedWithTheLibrarysEnvironmentSensorDecoder()
    {
        await using var connection = await OpenPlatformScopeAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE d.decoder_id = l.id), count(*)
            FROM devices d JOIN tenants t ON t.id = d.tenant_id
            CROSS JOIN (SELECT id FROM decoders WHERE tenant_id IS NULL AND name = @name) l
            WHERE t.slug = @slug
            """, connection);
        command.Parameters.AddWithValue("name", DecoderLibrary.EnvironmentSensorName);
        command.Parameters.AddWithValue("slug", DemoTenantBootstrap.TenantSlug);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));

        Assert.True(reader.GetInt64(1) > 0, "no demo devices");
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
    }

    private async Task<List<InstalledDecoder>> LibraryAsync()
    {
        await using var connection = await OpenPlatformScopeAsync();
        await using var command = new NpgsqlCommand("""
            SELECT d.name, d.active_version, d.latest_version, (SELECT count(*) FROM decoder_versions v WHERE v.decoder_id = d.id)
            FROM decoders d WHERE d.tenant_id IS NULL ORDER BY d.name
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var decoders = new List<InstalledDecoder>();
        while (await reader.ReadAsync(Ct))
        {
            decoders.Add(new InstalledDecoder(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3)));
        }

        return decoders;
    }

    private async Task<NpgsqlConnection> OpenPlatformScopeAsync()
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        await using var scope = new NpgsqlCommand("SELECT set_config('platform.scope', 'platform', false)", connection);
        await scope.ExecuteNonQueryAsync(Ct);
        return connection;
    }

    private sealed record InstalledDecoder(string Name, int ActiveVersion, int LatestVersion, long Versions);
}
