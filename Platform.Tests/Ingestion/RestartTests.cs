using Platform.Core.Devices;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Ingestion;

/// <summary>
/// No uplink lost, none stored twice, while every component between the network server and the
/// database is restarted in turn under a steady stream of uplinks.
/// </summary>
[Collection(RestartsAppCollection.Name)]
public sealed class RestartTests
{
    private static readonly string[] RestartedInTurn = ["mosquitto", "rabbitmq", "postgres", "platform-ingestion", "platform-workers"];

    private readonly PlatformAppFixture _fixture;

    public RestartTests(PlatformAppFixture fixture)
    {
        _fixture = fixture;
        // What the libraries rightly report while a dependency is down; the platform's own code
        // reports these outages as warnings and carries on.
        fixture.TolerateErrorsOf(
        [
            "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", // a dependency is unhealthy
            "RabbitMQ.Client", // connection lost, recovering
            "Microsoft.EntityFrameworkCore.Database.Command", // the health check's query failed
        ]);
    }

    [Fact]
    public async Task EveryUplinkIsStoredExactlyOnceAcrossRestartsOfBrokerEventBusDatabaseIngestionAndStorage()
    {
        var seeder = new TestTenantSeeder(_fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        var application = Guid.NewGuid();
        var devEuis = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            devEuis.Add(TestTenantSeeder.RandomDevEui());
            await seeder.CreateDeviceAsync(tenant, organization, devEuis[^1], new NetworkServerBinding(NetworkServerKind.ChirpStack, application.ToString()));
        }

        await using var stream = await UplinkStream.StartAsync(_fixture, application, devEuis, perSecond: 50);
        var restarts = new List<string>();
        foreach (var resource in RestartedInTurn)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            restarts.Add($"{resource} {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            await _fixture.RestartAsync(resource, TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await stream.StopAsync();
        var published = stream.Acknowledged.Keys.ToHashSet();

        var stored = await StoredUplinks.EventuallyAsync(() => new StoredUplinks(_fixture).KeysAsync(tenant), keys => keys.Count >= published.Count);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        var lost = published.Except(stored).Select(key => stream.Acknowledged[key]).Order().ToList();
        Assert.True(lost.Count == 0,
            $"{lost.Count} of {published.Count} acknowledged uplinks not stored, published {lost.FirstOrDefault():HH:mm:ss.fff}–{lost.LastOrDefault():HH:mm:ss.fff}; restarts: {string.Join(", ", restarts)}");
        Assert.Empty(stored.Except(published));
        Assert.True(published.Count > 500, $"only {published.Count} uplinks were published");
    }
}
