using System.Diagnostics.CodeAnalysis;
using Platform.Core.Decoding;
using Platform.Core.Decoding.CayenneLpp;
using Platform.Core.Decoding.JavaScript;

namespace Platform.Core.Decoders;

/// <summary>A decoder ready to run, or why the source cannot be one (a syntax error with line and column).</summary>
public sealed record DecoderBuild(IUplinkDecoder? Decoder, ScriptError? Error)
{
    private static readonly CayenneLppDecoder CayenneLpp = new();

    [MemberNotNullWhen(true, nameof(Decoder))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Decoder is not null;

    /// <summary>Compiles a script (parsed once, then run in pooled sandboxes) or returns the built-in codec.</summary>
    public static DecoderBuild Of(DecoderCodec codec, string? script, DecoderLimits limits)
    {
        switch (codec)
        {
            case DecoderCodec.CayenneLpp:
                return new(CayenneLpp, null);
            case DecoderCodec.JavaScript when script is not null:
                var compilation = ScriptCompiler.Compile(script, limits);
                return compilation.Succeeded ? new(new JavaScriptDecoder(compilation.Script, limits), null) : new(null, compilation.Error);
            default:
                return new(null, new ScriptError($"A {codec} decoder version needs {(codec == DecoderCodec.JavaScript ? "a script" : "no script")}."));
        }
    }
}
