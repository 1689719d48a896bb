using System.Collections.Concurrent;
using Platform.Core.Decoding.JavaScript;

namespace Platform.Core.Decoders;

/// <summary>
/// Decoder versions compiled once and kept for the next uplink: versions are immutable, so the
/// version id is the whole key. Bounded, because each JavaScript version holds parsed code and a
/// pool of engines; past <see cref="Capacity"/> the least recently used is dropped (and compiled
/// again if it is needed again). Thread-safe.
/// </summary>
public sealed class CompiledDecoders(DecoderLimits limits, int capacity = CompiledDecoders.DefaultCapacity)
{
    public const int DefaultCapacity = 512;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _clock;

    public int Capacity { get; } = capacity;

    public DecoderLimits Limits { get; } = limits;

    public int Count => _entries.Count;

    /// <summary>The version's decoder; <paramref name="codec"/> and <paramref name="script"/> are read only when it is not cached.</summary>
    public DecoderBuild GetOrCompile(Guid versionId, DecoderCodec codec, string? script)
    {
        var entry = _entries.GetOrAdd(versionId, static (_, state) =>
            new Entry(new Lazy<DecoderBuild>(() => DecoderBuild.Of(state.codec, state.script, state.limits))),
            (codec, script, limits: Limits));
        entry.LastUsed = Interlocked.Increment(ref _clock);
        if (_entries.Count > Capacity)
        {
            EvictLeastRecentlyUsed();
        }

        return entry.Build.Value;
    }

    /// <summary>True when the version is compiled already (no database read needed to use it).</summary>
    public bool Contains(Guid versionId) => _entries.ContainsKey(versionId);

    private void EvictLeastRecentlyUsed()
    {
        while (_entries.Count > Capacity)
        {
            var oldest = _entries.MinBy(pair => pair.Value.LastUsed);
            _entries.TryRemove(oldest);
        }
    }

    private sealed class Entry(Lazy<DecoderBuild> build)
    {
        public Lazy<DecoderBuild> Build { get; } = build;

        public long LastUsed { get; set; }
    }
}
