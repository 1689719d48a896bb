using System.Collections.Concurrent;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// Runs one compiled decoder script (one decoder version) in a Jint sandbox: no CLR interop, no I/O,
/// no eval, and limits on time, memory, recursion, statements and output size per call.
/// Thread-safe. Engines are not, so each call borrows one from a small pool of engines that have
/// already run the script; an engine that failed in any way is dropped, never reused. Every decoder
/// has its own engines, so one script's globals are invisible to every other script.
/// </summary>
public sealed class JavaScriptDecoder : IUplinkDecoder
{
    private readonly CompiledScript script;
    private readonly DecoderLimits limits;
    private readonly int maxIdleEngines;
    private readonly ConcurrentBag<SandboxEngine> idle = [];
    private int idleCount;

    /// <param name="maxIdleEngines">Engines kept between calls; more are created under load and then dropped. Defaults to the processor count.</param>
    public JavaScriptDecoder(CompiledScript script, DecoderLimits? limits = null, int? maxIdleEngines = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        this.script = script;
        this.limits = limits ?? DecoderLimits.Default;
        this.maxIdleEngines = maxIdleEngines ?? Environment.ProcessorCount;
    }

    public DecodeResult Decode(DecodeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var engine = Rent();
            var output = engine.Run(input);
            // Only a run that finished normally gives its engine back; a failed one is garbage.
            Return(engine);
            return DecodeOutput.ToResult(output);
        }
        catch (Exception e)
        {
            return DecodeResult.Failed(StorableText.Repaired(SandboxFailure.Describe(e, limits).ToString()));
        }
    }

    private SandboxEngine Rent()
    {
        if (idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref idleCount);
            return engine;
        }
        return new SandboxEngine(script, limits);
    }

    private void Return(SandboxEngine engine)
    {
        if (Interlocked.Increment(ref idleCount) <= maxIdleEngines)
        {
            idle.Add(engine);
        }
        else
        {
            Interlocked.Decrement(ref idleCount);
        }
    }
}
