using Aspire.Hosting;
using Npgsql;
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
        fixture.ToleratedErrorCategories =
        [
            "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", // a dependency is unhealthy
            "RabbitMQ.Client", // connection lost, recovering
            "Microsoft.EntityFrameworkCore.Database.Command", // the health check's query failed
        ];
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
        var commands = _fixture.App.ResourceCommands;
        var restarts = new List<string>();
        foreach (var resource in RestartedInTurn)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            restarts.Add($"{resource} {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            var restarted = await commands.ExecuteCommandAsync(resource, "resource-restart", TestContext.Current.CancellationToken);
            Assert.True(restarted.Success, $"{resource}: {restarted.Message}");
            await WaitUntilHealthyAsync(resource);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await stream.StopAsync();
        // This process's pooled connections died with the database restart.
        NpgsqlConnection.ClearAllPools();
        var published = stream.Acknowledged.Keys.ToHashSet();

        var stored = await StoredUplinks.EventuallyAsync(() => new StoredUplinks(_fixture).KeysAsync(tenant), keys => keys.Count >= published.Count);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        var lost = published.Except(stored).Select(key => stream.Acknowledged[key]).Order().ToList();
        Assert.True(lost.Count == 0,
            $"{lost.Count} of {published.Count} acknowledged uplinks not stored, published {lost.FirstOrDefault():HH:mm:ss.fff}–{lost.LastOrDefault():HH:mm:ss.fff}; restarts: {string.Join(", ", restarts)}");
        Assert.Empty(stored.Except(published));
        Assert.True(published.Count > 500, $"only {published.Count} uplinks were published");
    }

    /// <summary>
    /// The orchestrator occasionally reports a freshly restarted process as failed to start before
    /// it has even run it (no line of its output); starting it again is what an operator would do,
    /// and what this test is about is the pipeline's behaviour around the restart, not that.
    /// </summary>
    private async Task WaitUntilHealthyAsync(string resource)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, TestContext.Current.CancellationToken);
                return;
            }
            catch (DistributedApplicationException) when (attempt < 3)
            {
                var started = await _fixture.App.ResourceCommands.ExecuteCommandAsync(resource, "resource-start", TestContext.Current.CancellationToken);
                Assert.True(started.Success, $"{resource}: {started.Message}");
            }
        }
    }
}
