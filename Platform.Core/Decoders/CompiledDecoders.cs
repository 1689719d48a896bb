using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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

    /// <summary>
    /// The version's decoder; <paramref name="codec"/> and <paramref name="script"/> are read only when
    /// it is not cached. A JavaScript version without its script is never cached: that is a caller
    /// that did not read the script, not a version that cannot compile.
    /// </summary>
    public DecoderBuild GetOrCompile(Guid versionId, DecoderCodec codec, string? script)
    {
        if (codec == DecoderCodec.JavaScript && script is null && !_entries.ContainsKey(versionId))
        {
            return DecoderBuild.Of(codec, script, Limits);
        }

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

    /// <summary>
    /// The version's decoder when it is compiled already (no database read needed to use it). Callers
    /// that miss read the script and call <see cref="GetOrCompile"/> with it: the entry may be evicted
    /// between a "yes, it is here" and its use, so a presence check alone is not enough.
    /// </summary>
    public bool TryGet(Guid versionId, [NotNullWhen(true)] out DecoderBuild? build)
    {
        if (_entries.TryGetValue(versionId, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            build = entry.Build.Value;
            return true;
        }

        build = null;
        return false;
    }

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
