using System.Text.Json.Nodes;
using Npgsql;
using Platform.Core.Devices;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.Storage;

/// <summary>
/// Uplinks of months the migrations did not create partitions for (a network server's backlog, a
/// gateway's store-and-forward, the months after the last migration) are stored like any other,
/// both tables' partitions created on demand.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class LateUplinkStorageTests(PlatformAppFixture fixture)
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "SharedData", "uplinks", "chirpstack-v4-up.json");

    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly StoredUplinks _stored = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> LateUplinkTimes() => UplinkMonths.LateUplinkTimes();

    [Fact]
    public async Task TheRecordedChirpStackUplinkIsStoredAtItsOwnTime()
    {
        var recordedTime = DateTimeOffset.Parse(JsonNode.Parse(await File.ReadAllTextAsync(Recorded, Ct))!["time"]!.GetValue<string>(),
            System.Globalization.CultureInfo.InvariantCulture);
        var (tenant, device, application, devEui) = await RegisterAsync();
        var (topic, message, deduplicationId) = NetworkServerClient.ChirpStack(application, devEui, 1842, [0x01, 0x75, 0x64], recordedTime);

        await using (var networkServer = await NetworkServerClient.ConnectAsync(fixture))
        {
            await networkServer.PublishAsync(topic, message);
        }

        var stored = await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(deduplicationId.ToString()), count => count > 0);
        Assert.Equal(1, stored);
        Assert.Equal(1, await _stored.CountAsync(device));
        Assert.Empty(await _stored.RejectionsAsync(topic));
        Assert.Equal(recordedTime.UtcTicks / TimeSpan.TicksPerMicrosecond,
            (await StoredTimeAsync(tenant, deduplicationId.ToString())).UtcTicks / TimeSpan.TicksPerMicrosecond);
    }

    [Theory]
    [MemberData(nameof(LateUplinkTimes))]
    public async Task AnUplinkOfAMonthWithoutAPartitionIsStoredWithBothPartitions(string time)
    {
        var at = UplinkMonths.Parse(time);
        var (tenant, device, application, devEui) = await RegisterAsync();
        var key = Guid.NewGuid().ToString();

        await using (var queue = await StoreQueue.ConnectAsync(fixture))
        {
            await queue.PublishAsync(new([StoreQueue.Uplink(tenant, device, application.ToString(), devEui, key, at)], []));
        }

        Assert.Equal(1, await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(key), count => count > 0));
        Assert.Equal(at.UtcTicks / TimeSpan.TicksPerMicrosecond, (await StoredTimeAsync(tenant, key)).UtcTicks / TimeSpan.TicksPerMicrosecond);
        foreach (var table in new[] { "raw_uplinks", "measurements" })
        {
            Assert.True(await _seeder.ScalarAsync<bool>("SELECT to_regclass(format('public.%I', @name::text)) IS NOT NULL",
                ("name", UplinkMonths.PartitionOf(table, at))), $"no partition {UplinkMonths.PartitionOf(table, at)}");
        }
    }

    private async Task<(Guid Tenant, Guid Device, Guid Application, string DevEui)> RegisterAsync()
    {
        var tenant = await _seeder.CreateTenantAsync();
        var organization = await _seeder.CreateOrganizationAsync(tenant);
        var application = Guid.NewGuid();
        var devEui = TestTenantSeeder.RandomDevEui();
        var device = await _seeder.CreateDeviceAsync(tenant, organization, devEui,
            new NetworkServerBinding(NetworkServerKind.ChirpStack, application.ToString()));
        return (tenant, device, application, devEui);
    }

    private async Task<DateTimeOffset> StoredTimeAsync(Guid tenant, string key)
    {
        await using var connection = await _seeder.OpenPlatformScopeAsync();
        await using var command = new NpgsqlCommand("SELECT received_at FROM raw_uplinks WHERE tenant_id = @tenant AND dedup_key = @key",
            connection);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("key", key);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(Ct))!, TimeSpan.Zero);
    }
}
