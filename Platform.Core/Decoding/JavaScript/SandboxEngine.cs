using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// One Jint engine that has run a decoder script once and can call its entry point again and again: the
/// script's <c>decodeUplink(input)</c>, or else one of the legacy entry points still found in vendors'
/// decoders, run as the network servers that defined them do (see <see cref="EntryPoint"/>).
/// Not thread-safe: <see cref="JavaScriptDecoder"/> lends it to one call at a time, and drops it after
/// any failure so that a half-finished run never leaks into the next uplink.
/// </summary>
internal sealed class SandboxEngine
{
    private readonly Engine engine;
    private readonly JsValue entry;
    private readonly EntryPoint entryPoint;
    private readonly CappedBufferWriter output;

    /// <summary>
    /// Runs the prelude once per process without limits: the first run JIT-compiles Jint's paths
    /// for it, which can take longer than a decoder's whole time limit on a busy machine, and would
    /// then fail the first decoder's setup for no fault of its own.
    /// </summary>
    static SandboxEngine()
    {
        var warmUp = new Engine();
        Harden(warmUp, DecoderLimits.Default);
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
        Harden(engine, limits);
        engine.Execute(script.Prepared);
        (entryPoint, entry) = FindEntryPoint(engine);
        output = new CappedBufferWriter(limits.OutputBytes);
    }

    private static void Harden(Engine engine, DecoderLimits limits)
    {
        engine.Invoke(engine.Evaluate(Prelude.Script), (double)limits.MemoryBytes, (double)limits.ArrayLength);
        engine.Invoke(engine.Evaluate(ResultSizeGuards.Script), (double)limits.StringLength, (double)limits.ArrayLength);
    }

    private static (EntryPoint, JsValue) FindEntryPoint(Engine engine)
    {
        foreach (var candidate in Enum.GetValues<EntryPoint>())
        {
            var function = engine.GetValue(FunctionName(candidate));
            if (function is Jint.Native.Function.Function)
            {
                return (candidate, function);
            }
        }
        throw new SandboxException(
            "the script does not define a function decodeUplink(input) (nor a legacy Decoder(bytes, port) or Decode(fPort, bytes, variables))");
    }

    /// <summary>
    /// Calls the entry point and returns its <c>{data, warnings, errors}</c>, serialized by the engine's own
    /// JSON.stringify; what a legacy entry point returns is the <c>data</c>.
    /// </summary>
    public JsonNode? Run(DecodeInput input)
    {
        var result = entryPoint switch
        {
            EntryPoint.DecodeUplink => engine.Invoke(entry, CreateInput(input)),
            EntryPoint.Decoder => AsData(engine.Invoke(entry, CreateBytes(input), input.FPort)),
            _ => AsData(engine.Invoke(entry, input.FPort, CreateBytes(input), CreateVariables(input))),
        };
        if (!IsPlainObject(result))
        {
            throw new SandboxException($"decodeUplink must return an object, not {Describe(result)}");
        }

        output.Clear();
        new JsonSerializer(engine).Serialize(result, JsValue.Undefined, JsValue.Undefined, output);
        var node = JsonNode.Parse(output.WrittenSpan);
        StorableText.Ensure(node);
        return node;
    }

    private JsObject AsData(JsValue data)
    {
        if (!IsPlainObject(data))
        {
            throw new SandboxException($"{FunctionName(entryPoint)} must return an object, not {Describe(data)}");
        }

        var result = new JsObject(engine);
        result.Set("data", data);
        return result;
    }

    private static string FunctionName(EntryPoint entryPoint) =>
        entryPoint == EntryPoint.DecodeUplink ? "decodeUplink" : entryPoint.ToString();

    private static bool IsPlainObject(JsValue value) =>
        value.IsObject() && !value.IsArray() && value is not Jint.Native.Function.Function;

    private JsObject CreateInput(DecodeInput input)
    {
        var argument = new JsObject(engine);
        argument.Set("bytes", CreateBytes(input));
        argument.Set("fPort", input.FPort);
        argument.Set("recvTime", new JsDate(engine, input.RecvTime));
        argument.Set("variables", CreateVariables(input));
        return argument;
    }

    private JsArray CreateBytes(DecodeInput input)
    {
        var bytes = new JsValue[input.Bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = JsNumber.Create(input.Bytes[i]);
        }
        return new JsArray(engine, bytes);
    }

    private JsObject CreateVariables(DecodeInput input)
    {
        var variables = new JsObject(engine);
        if (input.Variables is not null)
        {
            foreach (var (name, value) in input.Variables)
            {
                variables.Set(name, value);
            }
        }
        return variables;
    }

    private static string Describe(JsValue value) =>
        value.IsArray() ? "an array" : value is Jint.Native.Function.Function ? "a function" : value.Type.ToString().ToLowerInvariant();
}
