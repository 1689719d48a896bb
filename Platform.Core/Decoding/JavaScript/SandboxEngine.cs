using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// One Jint engine that has run a decoder script once and can call its <c>decodeUplink</c> again and again.
/// Not thread-safe: <see cref="JavaScriptDecoder"/> lends it to one call at a time, and drops it after
/// any failure so that a half-finished run never leaks into the next uplink.
/// </summary>
internal sealed class SandboxEngine
{
    private readonly Engine engine;
    private readonly JsValue decodeUplink;
    private readonly CappedBufferWriter output;

    /// <summary>
    /// Runs the prelude once per process without limits: the first run JIT-compiles Jint's paths
    /// for it, which can take longer than a decoder's whole time limit on a busy machine, and would
    /// then fail the first decoder's setup for no fault of its own.
    /// </summary>
    static SandboxEngine()
    {
        var warmUp = new Engine();
        warmUp.Invoke(warmUp.Evaluate(Prelude.Script), (double)DecoderLimits.Default.StringLength, (double)DecoderLimits.Default.MemoryBytes);
    }

    public SandboxEngine(CompiledScript script, DecoderLimits limits)
    {
        // No AllowClr, no SetValue of host objects: the script sees only the ECMAScript built-ins.
        engine = new Engine(options =>
        {
            options.TimeoutInterval(limits.Time)
                .LimitMemory(limits.MemoryBytes)
                .LimitRecursion(limits.RecursionDepth)
                .MaxStatements(limits.Statements);
            options.Constraints.MaxArraySize = limits.ArrayLength;
            options.Constraints.RegexTimeout = limits.Time;
            // eval and new Function: not needed to decode bytes, and the classic way out of a sandbox.
            options.Host.StringCompilationAllowed = false;
        });
        engine.Invoke(engine.Evaluate(Prelude.Script), (double)limits.StringLength, (double)limits.MemoryBytes);
        engine.Execute(script.Prepared);
        decodeUplink = engine.GetValue("decodeUplink");
        if (decodeUplink is not Jint.Native.Function.Function)
        {
            throw new SandboxException("the script does not define a function decodeUplink(input)");
        }
        output = new CappedBufferWriter(limits.OutputBytes);
    }

    /// <summary>Calls <c>decodeUplink</c> and returns what it returned, serialized by the engine's own JSON.stringify.</summary>
    public JsonNode? Run(DecodeInput input)
    {
        var result = engine.Invoke(decodeUplink, CreateInput(input));
        if (!result.IsObject() || result.IsArray() || result is Jint.Native.Function.Function)
        {
            throw new SandboxException($"decodeUplink must return an object, not {Describe(result)}");
        }

        output.Clear();
        new JsonSerializer(engine).Serialize(result, JsValue.Undefined, JsValue.Undefined, output);
        var node = JsonNode.Parse(output.WrittenSpan);
        StorableText.Ensure(node);
        return node;
    }

    private JsObject CreateInput(DecodeInput input)
    {
        var bytes = new JsValue[input.Bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = JsNumber.Create(input.Bytes[i]);
        }

        var variables = new JsObject(engine);
        if (input.Variables is not null)
        {
            foreach (var (name, value) in input.Variables)
            {
                variables.Set(name, value);
            }
        }

        var argument = new JsObject(engine);
        argument.Set("bytes", new JsArray(engine, bytes));
        argument.Set("fPort", input.FPort);
        argument.Set("recvTime", new JsDate(engine, input.RecvTime));
        argument.Set("variables", variables);
        return argument;
    }

    private static string Describe(JsValue value) =>
        value.IsArray() ? "an array" : value is Jint.Native.Function.Function ? "a function" : value.Type.ToString().ToLowerInvariant();
}
