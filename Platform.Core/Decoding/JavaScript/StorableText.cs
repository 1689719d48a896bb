using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// Checks every key and string of a decoder's output while the call is still the sandbox's to fail:
/// JSON can carry a NUL (<c>\u0000</c>) or an unpaired surrogate (<c>\ud800</c>), which PostgreSQL's
/// text and jsonb refuse. Let through, one such string would make a whole storage write of many
/// tenants' uplinks unstorable; caught here, it is that one uplink's decode error. The sandbox's own
/// failure messages quote what a script threw, so they are repaired rather than refused.
/// </summary>
public static class StorableText
{
    /// <summary>True when PostgreSQL can store the text: no NUL, every surrogate paired.</summary>
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text with each NUL and unpaired surrogate replaced by U+FFFD.</summary>
    public static string Repaired(string text)
    {
        if (IsStorable(text))
        {
            return text;
        }

        var characters = text.ToCharArray();
        for (var i = 0; i < characters.Length; i++)
        {
            if (char.IsHighSurrogate(characters[i]) && i + 1 < characters.Length && char.IsLowSurrogate(characters[i + 1]))
            {
                i++;
            }
            else if (characters[i] == '\0' || char.IsSurrogate(characters[i]))
            {
                characters[i] = '\uFFFD';
            }
        }

        return new string(characters);
    }

    internal static void Ensure(JsonNode? node)
    {
        try
        {
            Walk(node);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape an unpaired surrogate (in a key or a value) into a .NET string.
            throw Unstorable("an unpaired surrogate");
        }
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    EnsureText(key);
                    Walk(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EnsureText(value.GetValue<string>());
                break;
        }
    }

    private static void EnsureText(string text)
    {
        if (!IsStorable(text))
        {
            throw Unstorable(text.Contains('\0', StringComparison.Ordinal) ? "a NUL character" : "an unpaired surrogate");
        }
    }

    private static SandboxException Unstorable(string what) =>
        new($"decodeUplink returned text with {what}, which cannot be stored");
}
