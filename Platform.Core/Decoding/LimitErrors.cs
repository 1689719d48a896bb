namespace Platform.Core.Decoding;

/// <summary>
/// How a decode result says the sandbox stopped the script at one of its limits: the messages
/// start with <see cref="Prefix"/> (the JavaScript sandbox writes them); other errors are the
/// script's own.
/// </summary>
public static class LimitErrors
{
    public const string Prefix = "decoder exceeded its ";

    public const string TimePrefix = Prefix + "time limit";

    /// <returns>The result's first limit error, or null when the script ran within its limits.</returns>
    public static string? Of(DecodeResult result) =>
        result.Errors.FirstOrDefault(error => error.StartsWith(Prefix, StringComparison.Ordinal));

    public static bool IsTimeLimit(string? error) => error?.StartsWith(TimePrefix, StringComparison.Ordinal) == true;
}
