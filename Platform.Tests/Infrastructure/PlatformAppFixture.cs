using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The whole AppHost in local mode, started once per test collection: fresh state and freshly
/// generated credentials in a temporary folder, free ports, every resource's logs collected.
/// </summary>
public sealed class PlatformAppFixture : IAsyncLifetime
{
    public const string MigrationsResource = "platform-migrations";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "platform-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private ResourceLogCollector? _logs;

    public DistributedApplication App { get; private set; } = null!;

    public IReadOnlyList<(string Resource, LogLine Line)> Logs => _logs?.Lines ?? [];

    /// <summary>Resources of the model that a user sees (not Aspire's hidden helpers).</summary>
    public IReadOnlyList<IResource> VisibleResources { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var ports = FreePorts.Take(7);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
        [
            "--Platform:Mode=Local",
            $"--Platform:StateDirectory={_stateDirectory}",
            $"--Platform:Ports:Web={ports[0]}",
            $"--Platform:Ports:Api={ports[1]}",
            $"--Platform:Ports:Mqtt={ports[2]}",
            $"--Platform:Ports:Postgres={ports[3]}",
            $"--Platform:Ports:RabbitMq={ports[4]}",
            $"--Platform:Ports:RabbitMqDistribution={ports[5]}",
            $"--Platform:Ports:Epmd={ports[6]}",
        ]);

        App = await builder.BuildAsync();
        _logs = new ResourceLogCollector(App);

        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);

        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        VisibleResources = model.Resources.Where(resource => !IsHidden(resource)).ToList();
        foreach (var resource in VisibleResources)
        {
            if (resource.Name == MigrationsResource)
            {
                await App.ResourceNotifications.WaitForResourceAsync(resource.Name,
                    e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
            }
            else if (resource is ProjectResource or ExecutableResource)
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
            }
        }
    }

    public Task<string?> ConnectionStringAsync(string name) => App.GetConnectionStringAsync(name).AsTask();

    public ResourceEvent CurrentState(string resourceName) =>
        App.ResourceNotifications.TryGetCurrentState(resourceName, out var state)
            ? state
            : throw new InvalidOperationException($"Resource {resourceName} has no state.");

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            if (_logs is not null)
            {
                await _logs.DisposeAsync();
            }

            await App.DisposeAsync();
        }

        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    private bool IsHidden(IResource resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource.Name, out var state) && state.Snapshot.IsHidden;
}
