using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Core.Ingestion;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;
using Platform.Tests.Uplinks;
using Platform.Workers.Storage;
using RabbitMQ.Client;

namespace Platform.Tests.Storage;

/// <summary>
/// Nothing is dead-lettered unseen: an uplink the database refuses (here a constraint the test adds
/// as the schema owner and later drops) becomes a StorageFailed rejection of its tenant, named by
/// the error class only, while its batch waits in the dead-letter queue, which the health check and
/// the platform admins' route count. Once the cause is gone, the tenant's replay stores it, and a
/// platform admin's redrive of the dead-letter queue adds no second row. Generated over the shapes a
/// batch can have around the refused uplink.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class StorageFailedRejectionTests(PlatformAppFixture fixture)
{
    private const string OwnerConnectionName = "platformdb-owner";

    private static readonly byte[] SecretPayload = [0x5e, 0xc2, 0xe7, 0x00, 0x42, 0x17];

    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly StoredUplinks _stored = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BatchShapes() => ["Alone", "BetweenStorableUplinks", "WithARejection"];

    [Theory]
    [MemberData(nameof(BatchShapes))]
    public async Task AnUplinkTheDatabaseRefusesIsAVisibleRejectionStoredOnceByItsReplay(string shape)
    {
        var tenant = await UplinkTenant.CreateAsync(_seeder);
        var marker = "refused-" + Guid.NewGuid().ToString("N");
        var constraint = "test_refuse_" + Guid.NewGuid().ToString("N")[..16];
        var refused = Uplink(tenant, marker + "-uplink", SecretPayload);
        List<AdmittedUplink> storable = shape == "BetweenStorableUplinks"
            ? [Uplink(tenant, Guid.NewGuid().ToString()), Uplink(tenant, Guid.NewGuid().ToString())]
            : [];
        var rejectionTopic = $"application/{Guid.NewGuid()}/device/{TestTenantSeeder.RandomDevEui()}/event/up";
        List<UplinkRejection> rejections = shape == "WithARejection"
            ? [new UplinkRejection(Guid.NewGuid(), null, null, rejectionTopic, [0x7b, 0x7d], 2, UplinkRejectionReason.UnknownDevice,
                "No device is registered.", DateTimeOffset.UtcNow, null)]
            : [];
        using var platformAdmin = await _seeder.LoginAsPlatformAdminAsync();
        await using var queue = await StoreQueue.ConnectAsync(fixture);

        await OwnerAsync($"ALTER TABLE raw_uplinks ADD CONSTRAINT {constraint} CHECK (dedup_key NOT LIKE '{marker}%')");
        try
        {
            await queue.PublishAsync(new UplinkBatch([.. storable.Take(1), refused, .. storable.Skip(1)], rejections));

            // Visible: the tenant's own list holds it, with the error class and nothing of the uplink.
            var listed = await StorageFailedOfAsync(tenant);
            Assert.NotNull(listed);
            var id = listed["id"]!.GetValue<Guid>();
            var detail = listed["detail"]!.GetValue<string>();
            Assert.Contains("SQLSTATE 23514", detail);
            Assert.DoesNotContain(marker, detail);
            Assert.DoesNotContain(Convert.ToBase64String(SecretPayload), detail);
            Assert.DoesNotContain(Convert.ToHexString(SecretPayload), detail, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(tenant.DeviceId, listed["deviceId"]!.GetValue<Guid>());
            foreach (var uplink in storable)
            {
                Assert.Equal(1, await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(uplink.Uplink.DeduplicationKey), n => n > 0));
            }

            if (rejections.Count > 0)
            {
                Assert.Single(await StoredUplinks.EventuallyAsync(() => _stored.RejectionsAsync(rejectionTopic), rows => rows.Count > 0));
            }

            // Counted: the batch waits in the dead-letter queue, and both the health check and the admins' route say so.
            var waiting = await StoredUplinks.EventuallyAsync(() => DeadLettersAsync(platformAdmin), depth => depth > 0);
            Assert.True(waiting > 0, "the refused batch is not in the dead-letter queue");
            var health = await DeadLetterHealthAsync();
            Assert.Equal(HealthStatus.Degraded, health.Status);
            Assert.True(Convert.ToInt64(health.Data.Values.Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);

            // Replayed while the cause is still there: refused again, and open again rather than hidden as replayed.
            using (var tooEarly = await tenant.AdminHttp.PostAsync(tenant.Route($"/rejected-uplinks/{id}/replay"), null, Ct))
            {
                Assert.Equal(HttpStatusCode.Accepted, tooEarly.StatusCode);
            }

            var reopened = await StoredUplinks.EventuallyAsync(() => RejectionAsync(tenant, id), rejection => rejection["replayedAt"] is null);
            Assert.Null(reopened["replayedAt"]);

            await OwnerAsync($"ALTER TABLE raw_uplinks DROP CONSTRAINT {constraint}");
            using (var replay = await tenant.AdminHttp.PostAsync(tenant.Route($"/rejected-uplinks/{id}/replay"), null, Ct))
            {
                Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
                var accepted = await replay.Content.ReadFromJsonAsync<JsonObject>(Ct);
                Assert.Equal(refused.Uplink.DeduplicationKey, accepted!["deduplicationKey"]!.GetValue<string>());
            }

            Assert.Equal(1, await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(refused.Uplink.DeduplicationKey), n => n > 0));
            using (var again = await tenant.AdminHttp.PostAsync(tenant.Route($"/rejected-uplinks/{id}/replay"), null, Ct))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            }

            // The platform admins' redrive sends the dead-lettered batches through the storage again: nothing twice.
            using (var redrive = await platformAdmin.PostAsync("/api/admin/uplink-dead-letters/redrive", null, Ct))
            {
                Assert.Equal(HttpStatusCode.OK, redrive.StatusCode);
                Assert.True((await redrive.Content.ReadFromJsonAsync<JsonObject>(Ct))!["moved"]!.GetValue<int>() > 0);
            }

            var sentinel = Uplink(tenant, Guid.NewGuid().ToString());
            await queue.PublishAsync(new UplinkBatch([sentinel], []));
            Assert.Equal(1, await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(sentinel.Uplink.DeduplicationKey), n => n > 0));
            Assert.Equal(1, await _stored.CountByKeyAsync(refused.Uplink.DeduplicationKey));
            Assert.Equal(storable.Count + 2, await _stored.CountAsync(tenant.DeviceId));
            Assert.NotNull((await RejectionAsync(tenant, id))["replayedAt"]);
            Assert.Contains(await _seeder.AuditAsync(null), e => e.Action == "admin.uplink-dead-letters.redriven" && e.Outcome == "Success");
        }
        finally
        {
            await OwnerAsync($"ALTER TABLE raw_uplinks DROP CONSTRAINT IF EXISTS {constraint}");
        }
    }

    private static AdmittedUplink Uplink(UplinkTenant tenant, string key, byte[]? payload = null) =>
        StoreQueue.Uplink(tenant.TenantId, tenant.DeviceId, tenant.ApplicationId.ToString(), tenant.DevEui, key, DateTimeOffset.UtcNow, payload);

    private async Task<JsonObject?> StorageFailedOfAsync(UplinkTenant tenant) =>
        (await StoredUplinks.EventuallyAsync(
            () => UplinkTenant.AllPagesAsync(tenant.AdminHttp, tenant.Route("/rejected-uplinks?reason=StorageFailed"), 100),
            items => items.Count > 0)).SingleOrDefault();

    private static async Task<JsonObject> RejectionAsync(UplinkTenant tenant, Guid id) =>
        (await tenant.AdminHttp.GetFromJsonAsync<JsonObject>(tenant.Route($"/rejected-uplinks/{id}"), Ct))!;

    private static async Task<long> DeadLettersAsync(HttpClient platformAdmin) =>
        (await platformAdmin.GetFromJsonAsync<JsonObject>("/api/admin/uplink-dead-letters", Ct))!["messages"]!.GetValue<long>();

    private async Task<HealthCheckResult> DeadLetterHealthAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri((await fixture.ConnectionStringAsync("eventbus"))!) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        return await new DeadLetterHealthCheck(connection).CheckHealthAsync(new HealthCheckContext(), Ct);
    }

    private async Task OwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(OwnerConnectionName));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
