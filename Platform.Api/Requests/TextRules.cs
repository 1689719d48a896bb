namespace Platform.Api.Requests;

/// <summary>
/// Text the platform can store: PostgreSQL's <c>text</c> takes neither NUL nor UTF-16 that is not
/// Unicode (a surrogate without its pair), so such input is refused at the edge, naming the field,
/// instead of failing at the database with a 500.
/// </summary>
internal static class TextRules
{
    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return "Must not contain the NUL character.";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "Must be valid Unicode text (no unpaired surrogate).";
            }
        }

        return null;
    }

    public const string NotUtf8 = "Must be valid UTF-8 text.";
}
