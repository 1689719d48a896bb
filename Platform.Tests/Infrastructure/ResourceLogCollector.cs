using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Tests.Infrastructure;

/// <summary>Collects every console line of every resource of a running app, from its very start.</summary>
internal sealed class ResourceLogCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Resource, LogLine Line)> _lines = new();
    private readonly ConcurrentDictionary<string, Task> _watchers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public ResourceLogCollector(DistributedApplication app)
    {
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        // Resource ids carry a random suffix (e.g. platform-api-xkqz), known only from the events.
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(_stop.Token))
                {
                    _ = _watchers.GetOrAdd(resourceEvent.ResourceId, id => Task.Run(async () =>
                    {
                        try
                        {
                            await foreach (var batch in loggers.WatchAsync(id).WithCancellation(_stop.Token))
                            {
                                foreach (var line in batch)
                                {
                                    _lines.Enqueue((resourceEvent.Resource.Name, line));
                                }
                            }
                        }
                        catch (OperationCanceledException)
                        {
                        }
                    }));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public IReadOnlyList<(string Resource, LogLine Line)> Lines => [.. _lines];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await Task.WhenAll(_watchers.Values);
        _stop.Dispose();
    }
}
