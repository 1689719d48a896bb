using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Api.Requests;

/// <summary>
/// Text the platform can store (<see cref="StorableText"/>, the rule the ingestion applies too):
/// such input is refused at the edge, naming the field, instead of failing at the database with a 500.
/// </summary>
internal static class TextRules
{
    public const string NotUtf8 = "Must be valid UTF-8 text.";

    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string text) =>
        StorableText.IsStorable(text) ? null
        : text.Contains('\0') ? "Must not contain the NUL character."
        : "Must be valid Unicode text (no unpaired surrogate).";
}
