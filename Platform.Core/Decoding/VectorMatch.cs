using System.Text.Json.Nodes;

namespace Platform.Core.Decoding;

/// <summary>
/// Judges a decoder's result against a test vector's <c>expected</c> object. Only the members the vector
/// states are compared — <c>data</c>, <c>warnings</c>, <c>errors</c> — so a vector that omits
/// <c>warnings</c> accepts any. A member of another name is reported, since a typo would otherwise
/// turn the vector into one that checks nothing. Values are compared by <see cref="SemanticJson"/>.
/// </summary>
public static class VectorMatch
{
    private static readonly string[] Members = ["data", "warnings", "errors"];

    /// <summary>The first difference, with a path rooted at the result (<c>$.data.temperature_3</c>), or null.</summary>
    public static JsonDifference? Compare(JsonObject expected, DecodeResult actual)
    {
        foreach (var (key, _) in expected)
        {
            if (!Members.Contains(key))
                return new($"$.{key}", "is not a member of a decode result (data, warnings, errors)");
        }

        foreach (var key in Members)
        {
            if (!expected.TryGetPropertyValue(key, out var expectedValue))
                continue;
            if (SemanticJson.FirstDifference(expectedValue, Member(actual, key), $"$.{key}") is { } difference)
                return difference;
        }
        return null;
    }

    private static JsonNode? Member(DecodeResult actual, string key) => key switch
    {
        "data" => actual.Data,
        "warnings" => Strings(actual.Warnings),
        _ => Strings(actual.Errors),
    };

    private static JsonArray Strings(IReadOnlyList<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
}
