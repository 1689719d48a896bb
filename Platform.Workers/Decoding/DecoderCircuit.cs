using System.Collections.Concurrent;

namespace Platform.Workers.Decoding;

/// <summary>
/// Keeps a hostile or broken decoder version from taking the workers' time away from every other
/// tenant: a version that breaks a sandbox limit <see cref="Threshold"/> times in a row is not run
/// for <see cref="Suspension"/>, and its uplinks are stored raw with an error saying so (they can be
/// re-decoded later). After the suspension one uplink is tried again; if it breaks a limit too, the
/// version is suspended again at once. Counted per tenant and version (<see cref="DecoderUse"/>), so
/// a shared library version stays running for the tenants whose uplinks it decodes within its
/// limits. Only uses that broke a limit are tracked. Thread-safe.
/// </summary>
public sealed class DecoderCircuit(TimeProvider time)
{
    public const int Threshold = 3;

    public static readonly TimeSpan Suspension = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<DecoderUse, State> _states = new();

    /// <summary>The error to store instead of running the version, or null when it may run.</summary>
    public string? SuspendedError(DecoderUse use)
    {
        if (!_states.TryGetValue(use, out var state))
        {
            return null;
        }

        lock (state)
        {
            return state.Until is { } until && time.GetUtcNow() < until
                ? $"decoder suspended after repeated limit violations: {state.LastError}; re-decode later"
                : null;
        }
    }

    /// <summary>Records a run that ended within the limits (its own errors included): the count starts again.</summary>
    public void Succeeded(DecoderUse use) => _states.TryRemove(use, out _);

    /// <returns>True when this violation suspended the version (the caller logs it once).</returns>
    public bool LimitBroken(DecoderUse use, string error)
    {
        var state = _states.GetOrAdd(use, static _ => new State());
        lock (state)
        {
            state.LastError = error;
            var now = time.GetUtcNow();
            if (state.Until is { } until)
            {
                if (now < until)
                {
                    // A run that started before the suspension: already counted as suspended.
                    return false;
                }

                // The trial after a suspension failed: suspend again without a new count.
                state.Until = now + Suspension;
                return true;
            }

            state.Consecutive++;
            if (state.Consecutive < Threshold)
            {
                return false;
            }

            state.Until = now + Suspension;
            return true;
        }
    }

    private sealed class State
    {
        public int Consecutive { get; set; }

        public DateTimeOffset? Until { get; set; }

        public string LastError { get; set; } = string.Empty;
    }
}
