using System.Collections.Concurrent;
using Platform.Core.Devices;

namespace Platform.Core.Ingestion;

/// <summary>
/// Remembers device routes for a short while: a steady stream from a device then costs no database
/// round trip per uplink. It is only a cache — a miss or an expired entry goes to the database — so
/// a registration, deletion or re-binding takes effect within <see cref="TimeToLive"/> (a DevEUI
/// nobody has registered is remembered for less, so a device registered after its first uplinks
/// starts being accepted quickly; the rejected ones can be replayed).
/// </summary>
public sealed class DeviceRouteCache(DeviceRouteLookup lookup, TimeProvider time) : IDeviceRouteSource
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan UnknownTimeToLive = TimeSpan.FromSeconds(5);

    /// <summary>Bounded memory under a flood of random DevEUIs: past this, the cache starts over.</summary>
    private const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<DevEui, Entry> _entries = new();

    public async ValueTask<IReadOnlyList<DeviceRoute>> FindAsync(DevEui devEui, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(devEui, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Routes;
        }

        var routes = await lookup.FindAsync(devEui, cancellationToken);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[devEui] = new Entry(routes, now + (routes.Count == 0 ? UnknownTimeToLive : TimeToLive));
        return routes;
    }

    private sealed record Entry(IReadOnlyList<DeviceRoute> Routes, DateTimeOffset ExpiresAt);
}
