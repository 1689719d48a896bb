using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Tests.Infrastructure;

namespace Platform.Benchmarks;

/// <summary>
/// The real stack in local mode, as the tests start it: fresh state in a temporary folder, free
/// ports, the simulator silent, and the demo tenant owning <paramref name="devices"/> simulated devices.
/// </summary>
public sealed class BenchmarkStack : IAsyncDisposable
{
    private readonly string _stateDirectory;

    private BenchmarkStack(DistributedApplication app, string stateDirectory)
    {
        App = app;
        _stateDirectory = stateDirectory;
    }

    public DistributedApplication App { get; }

    public static async Task<BenchmarkStack> StartAsync(int devices)
    {
        var state = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..12]);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            IsolatedStackArguments.For(state, $"--Platform:SimulatorDevices={devices}", "--Platform:SimulatorRate=0"));
        // The services' own logs (stderr included, which the testing host reports as failures) would drown the figures.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Platform.AppHost.Resources", LogLevel.None)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await app.StartAsync(timeout.Token);
        var stack = new BenchmarkStack(app, state);
        await app.ResourceNotifications.WaitForResourceAsync("platform-migrations",
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        foreach (var resource in new[] { "postgres", "rabbitmq", "mosquitto", "platform-ingestion", "platform-workers" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        return stack;
    }

    public async Task<string> ConnectionStringAsync(string name) =>
        await App.GetConnectionStringAsync(name) ?? throw new InvalidOperationException($"No connection string '{name}'.");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}
