using System.Text.Json;

namespace Platform.Api.Requests;

/// <summary>
/// One pass over a JSON body: the first string (value or property name) the platform cannot store,
/// and the first top-level property that repeats a route parameter. Fields are named the way
/// FastEndpoints names them in its own validation answers (<c>settings.requireMfa</c>, <c>vectors[0].name</c>).
/// Malformed JSON is left to the endpoint's binding, which answers it with its own 400.
/// </summary>
internal static class JsonBodyScan
{
    public sealed record Finding(string Field, string Reason);

    public static Finding? FirstProblem(ReadOnlySpan<byte> json, IReadOnlyCollection<string> routeParameters)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var top = frames.Peek();
                        var name = TryGetString(ref reader, out var nameProblem);
                        if (name is null)
                        {
                            return new Finding(Join(top.Path, "(property name)"), nameProblem!);
                        }

                        top.Property = name;
                        if (nameProblem is not null)
                        {
                            return new Finding(top.ValuePath(), nameProblem);
                        }

                        if (frames.Count == 1 && routeParameters.Contains(name, StringComparer.OrdinalIgnoreCase))
                        {
                            return new Finding(name, RequestInputGuard.RepeatedReason(name));
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = NextValuePath(frames);
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.String:
                        var field = NextValuePath(frames);
                        TryGetString(ref reader, out var problem);
                        if (problem is not null)
                        {
                            return new Finding(field.Length == 0 ? "body" : field, problem);
                        }

                        break;
                    default:
                        NextValuePath(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static string? TryGetString(ref Utf8JsonReader reader, out string? problem)
    {
        try
        {
            var text = reader.GetString()!;
            problem = TextRules.Problem(text);
            return text;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape a lone surrogate ("\ud800") or invalid UTF-8.
            problem = "Must be valid Unicode text (no unpaired surrogate, valid UTF-8).";
            return null;
        }
    }

    private static string NextValuePath(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return "";
        }

        var top = frames.Peek();
        if (top.IsArray)
        {
            top.Index++;
        }

        return top.ValuePath();
    }

    private static string Join(string parent, string child) => parent.Length == 0 ? child : $"{parent}.{child}";

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }

        public string ValuePath() => IsArray ? $"{Path}[{Index}]" : Join(Path, Property ?? "");
    }
}
