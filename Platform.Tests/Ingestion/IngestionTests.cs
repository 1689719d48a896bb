using Platform.Core.Devices;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Ingestion;

/// <summary>Uplinks through the real broker, ingestion, RabbitMQ, storage worker and PostgreSQL.</summary>
[Collection(PlatformAppCollection.Name)]
public sealed class IngestionTests(PlatformAppFixture fixture)
{
    private readonly TestTenantSeeder _seeder = new(fixture);
    private readonly StoredUplinks _stored = new(fixture);

    [Fact]
    public async Task AChirpStackUplinkOfARegisteredDeviceIsStoredOnceEvenWhenTheBrokerDeliversItTwice()
    {
        var application = Guid.NewGuid();
        var (_, device, devEui) = await RegisterDeviceAsync(new NetworkServerBinding(NetworkServerKind.ChirpStack, application.ToString()));
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var (topic, message, deduplicationId) = NetworkServerClient.ChirpStack(application, devEui, 7, [0x01, 0x75, 0x64], DateTimeOffset.UtcNow);

        await networkServer.PublishAsync(topic, message);
        await networkServer.PublishAsync(topic, message);
        var second = NetworkServerClient.ChirpStack(application, devEui, 8, [0x01, 0x75, 0x63], DateTimeOffset.UtcNow);
        await networkServer.PublishAsync(second.Topic, second.Message);

        // The second, different uplink arrives after both copies of the first: once it is stored, both copies were handled.
        Assert.Equal(1, await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(second.DeduplicationId.ToString()), count => count == 1));
        Assert.Equal(1, await _stored.CountByKeyAsync(deduplicationId.ToString()));
        Assert.Equal(2, await _stored.CountAsync(device));
        Assert.Empty(await _stored.RejectionsAsync(topic));
    }

    [Fact]
    public async Task ATtsUplinkOfARegisteredDeviceIsStored()
    {
        var application = "sensors-" + Guid.NewGuid().ToString("N")[..8] + "@acme";
        var (_, device, devEui) = await RegisterDeviceAsync(new NetworkServerBinding(NetworkServerKind.TheThingsStack, application));
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var (topic, message, correlationId) = NetworkServerClient.Tts(application, "eui-" + devEui, devEui, 77, [0x03, 0x67, 0x10, 0x01], DateTimeOffset.UtcNow);

        await networkServer.PublishAsync(topic, message);

        Assert.Equal(1, await StoredUplinks.EventuallyAsync(() => _stored.CountByKeyAsync(correlationId), count => count == 1));
        Assert.Equal(1, await _stored.CountAsync(device));
    }

    [Fact]
    public async Task AnUplinkOfAnUnknownDeviceIsRejectedForThePlatformAdmins()
    {
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.NewGuid(), TestTenantSeeder.RandomDevEui(), 1, [0x00], DateTimeOffset.UtcNow);

        await networkServer.PublishAsync(topic, message);

        var rejection = Assert.Single(await StoredUplinks.EventuallyAsync(() => _stored.RejectionsAsync(topic), rows => rows.Count > 0));
        Assert.Equal(("UnknownDevice", (Guid?)null), rejection);
    }

    [Fact]
    public async Task AnUplinkOnAnotherApplicationsTopicIsRejectedAsABindingMismatchForTheDevicesTenant()
    {
        var (tenant, device, devEui) = await RegisterDeviceAsync(new NetworkServerBinding(NetworkServerKind.ChirpStack, Guid.NewGuid().ToString()));
        await using var networkServer = await NetworkServerClient.ConnectAsync(fixture);
        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.NewGuid(), devEui, 1, [0x00], DateTimeOffset.UtcNow);

        await networkServer.PublishAsync(topic, message);

        var rejection = Assert.Single(await StoredUplinks.EventuallyAsync(() => _stored.RejectionsAsync(topic), rows => rows.Count > 0));
        Assert.Equal(("BindingMismatch", (Guid?)tenant), rejection);
        Assert.Equal(0, await _stored.CountAsync(device));
        // The log line travels through the orchestrator's log stream: it may arrive after the row.
        var securityEvents = await StoredUplinks.EventuallyAsync(
            () => Task.FromResult(fixture.Logs.Count(log => log.Resource == "platform-ingestion"
                && log.Line.Content.Contains("Security event", StringComparison.Ordinal) && log.Line.Content.Contains(devEui, StringComparison.Ordinal))),
            count => count > 0);
        Assert.Equal(1, securityEvents);
    }

    private async Task<(Guid Tenant, Guid Device, string DevEui)> RegisterDeviceAsync(NetworkServerBinding binding)
    {
        var tenant = await _seeder.CreateTenantAsync();
        var organization = await _seeder.CreateOrganizationAsync(tenant);
        var devEui = TestTenantSeeder.RandomDevEui();
        var device = await _seeder.CreateDeviceAsync(tenant, organization, devEui, binding);
        return (tenant, device, devEui);
    }
}
