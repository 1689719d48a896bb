using Acornima;
using Jint;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>Parses decoder scripts and checks them before they are stored or run.</summary>
public static class ScriptCompiler
{
    /// <summary>
    /// Parses <paramref name="source"/> and runs its top level once in a sandbox with
    /// <paramref name="limits"/> to check that it defines a function <c>decodeUplink</c> (or a legacy <see cref="EntryPoint"/>).
    /// Never throws for a bad script: a syntax error comes back with its line and column.
    /// </summary>
    public static ScriptCompilation Compile(string source, DecoderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        Prepared<Acornima.Ast.Script> prepared;
        try
        {
            prepared = Engine.PrepareScript(source, source: "decoder.js");
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            // Acornima's columns count from 0; editors and people count from 1.
            return new(null, new ScriptError($"syntax error: {parse.Description}", parse.LineNumber, parse.Column + 1));
        }
        catch (ScriptPreparationException e)
        {
            // Source nested too deeply for the parser's stack guard, among others.
            return new(null, new ScriptError($"script cannot be parsed: {e.InnerException?.Message ?? e.Message}"));
        }

        var script = new CompiledScript(prepared);
        try
        {
            _ = new SandboxEngine(script, limits ?? DecoderLimits.Default);
        }
        catch (Exception e)
        {
            return new(null, SandboxFailure.Describe(e, limits ?? DecoderLimits.Default));
        }
        return new(script, null);
    }
}
