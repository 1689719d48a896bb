using Acornima.Ast;
using Jint;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// A decoder script parsed once (a Jint prepared script) and known to define an <see cref="EntryPoint"/>.
/// Immutable and shared by every engine that runs it; obtained from <see cref="ScriptCompiler"/>.
/// </summary>
public sealed class CompiledScript
{
    internal CompiledScript(Prepared<Script> prepared) => Prepared = prepared;

    internal Prepared<Script> Prepared { get; }
}
