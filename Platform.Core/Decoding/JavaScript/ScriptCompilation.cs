using System.Diagnostics.CodeAnalysis;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>The outcome of <see cref="ScriptCompiler.Compile"/>: a script ready to run, or why it is not.</summary>
public sealed record ScriptCompilation(CompiledScript? Script, ScriptError? Error)
{
    [MemberNotNullWhen(true, nameof(Script))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Script is not null;
}
