using System.Text.RegularExpressions;
using Jint.Runtime;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>Turns what a sandboxed run threw into a message for the decoder's author.</summary>
internal static class SandboxFailure
{
    public static ScriptError Describe(Exception exception, DecoderLimits limits) => exception switch
    {
        TimeoutException or RegexMatchTimeoutException =>
            new($"{LimitErrors.TimePrefix} ({limits.Time.TotalMilliseconds:0} ms)"),
        MemoryLimitExceededException =>
            new($"{LimitErrors.Prefix}memory limit ({FormatBytes(limits.MemoryBytes)}): {exception.Message}"),
        RecursionDepthOverflowException =>
            new($"{LimitErrors.Prefix}recursion limit ({limits.RecursionDepth} calls deep)"),
        StatementsCountOverflowException =>
            new($"{LimitErrors.Prefix}statement limit ({limits.Statements} statements)"),
        JavaScriptException js => FromScript(js),
        SandboxException sandbox => new(sandbox.Message),
        // Jint's guard against the .NET stack running out, among others: never the process's problem.
        _ => new($"decoder failed: {exception.Message}"),
    };

    private static ScriptError FromScript(JavaScriptException exception)
    {
        var start = exception.Location.Start;
        var message = $"decoder threw an error: {exception.Message}";
        // Errors raised by built-ins before any script ran have no place in the source.
        return start.Line > 0 ? new(message, start.Line, start.Column + 1) : new(message);
    }

    public static string FormatBytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes % 1024 == 0 ? $"{bytes / 1024} KiB"
        : $"{bytes} bytes";
}
