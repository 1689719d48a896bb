namespace Platform.Core.Decoding.JavaScript;

/// <summary>Why a script cannot be used or a call failed; line and column (1-based) when the source has a place for it.</summary>
public sealed record ScriptError(string Message, int? Line = null, int? Column = null)
{
    public override string ToString() =>
        Line is { } line ? $"{Message} (line {line}, column {Column})" : Message;
}
