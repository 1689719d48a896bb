using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Decoding;

/// <summary>
/// Compares JSON as values, the way decoder test vectors are judged: objects by key set regardless of
/// order, arrays element by element in order, strings, booleans and null exactly. Numbers are equal when
/// they differ by at most <see cref="AbsoluteTolerance"/> OR by at most <see cref="RelativeTolerance"/>
/// of the larger magnitude. The absolute bound absorbs floating-point noise of everyday readings
/// (272 * 0.1 is 27.200000000000003) and near zero; the relative bound absorbs it for large values,
/// where one unit in the last place already exceeds 1e-9. It is 1e-13 rather than 1e-9 so that integers
/// stay exact up to 1e13: Unix times in seconds or milliseconds and 32-bit counters differing by one
/// are different, while a few hundred units in the last place of rounding still pass. Integers and
/// floating-point numbers are one kind (57 equals 57.0), as in JavaScript. NaN and infinities have no
/// JSON form and never match.
/// </summary>
public static class SemanticJson
{
    public const double AbsoluteTolerance = 1e-9;
    public const double RelativeTolerance = 1e-13;

    /// <summary>The first difference in document order, or null when the values are equal.</summary>
    public static JsonDifference? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var expectedKind = KindOf(expected);
        var actualKind = KindOf(actual);
        if (expectedKind != actualKind)
            return new(path, $"expected {Describe(expected)}, got {Describe(actual)}");

        return expectedKind switch
        {
            JsonValueKind.Object => CompareObjects(expected!.AsObject(), actual!.AsObject(), path),
            JsonValueKind.Array => CompareArrays(expected!.AsArray(), actual!.AsArray(), path),
            JsonValueKind.Number => NumbersEqual(ToDouble(expected!), ToDouble(actual!))
                ? null
                : new(path, $"expected {Show(expected)}, got {Show(actual)}"),
            JsonValueKind.String => expected!.GetValue<string>() == actual!.GetValue<string>()
                ? null
                : new(path, $"expected {Show(expected)}, got {Show(actual)}"),
            _ => null, // true, false, null: equal kinds are equal values
        };
    }

    public static bool NumbersEqual(double expected, double actual)
    {
        if (!double.IsFinite(expected) || !double.IsFinite(actual))
            return false;
        var difference = Math.Abs(expected - actual);
        return difference <= AbsoluteTolerance
            || difference <= RelativeTolerance * Math.Max(Math.Abs(expected), Math.Abs(actual));
    }

    private static JsonDifference? CompareObjects(JsonObject expected, JsonObject actual, string path)
    {
        foreach (var (key, expectedValue) in expected)
        {
            var memberPath = Member(path, key);
            if (!actual.TryGetPropertyValue(key, out var actualValue))
                return new(memberPath, $"missing (expected {Show(expectedValue)})");
            if (FirstDifference(expectedValue, actualValue, memberPath) is { } difference)
                return difference;
        }
        foreach (var (key, actualValue) in actual)
        {
            if (!expected.ContainsKey(key))
                return new(Member(path, key), $"unexpected (got {Show(actualValue)})");
        }
        return null;
    }

    private static JsonDifference? CompareArrays(JsonArray expected, JsonArray actual, string path)
    {
        var common = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < common; i++)
        {
            if (FirstDifference(expected[i], actual[i], $"{path}[{i}]") is { } difference)
                return difference;
        }
        return expected.Count == actual.Count
            ? null
            : new(path, $"expected {expected.Count} elements, got {actual.Count}: {Show(actual)}");
    }

    private static JsonValueKind KindOf(JsonNode? node)
    {
        if (node is null)
            return JsonValueKind.Null;
        // A double NaN has no JSON kind; calling it a number lets NumbersEqual reject it instead of throwing.
        if (node is JsonValue value && value.TryGetValue<double>(out _))
            return JsonValueKind.Number;
        return node.GetValueKind();
    }

    private static double ToDouble(JsonNode node)
    {
        var value = node.AsValue();
        if (value.TryGetValue<double>(out var number))
            return number;
        if (value.TryGetValue<JsonElement>(out var element))
            return element.GetDouble();
        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string Member(string path, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{key}"
            : $"{path}[{JsonSerializer.Serialize(key)}]";

    private static string Describe(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        var kind => $"{KindName(kind)} {Show(node)}",
    };

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        _ => "boolean",
    };

    private static string Show(JsonNode? node)
    {
        if (node is null)
            return "null";
        try
        {
            return node.ToJsonString();
        }
        catch (ArgumentException)
        {
            return node.GetValue<double>().ToString(CultureInfo.InvariantCulture); // NaN, ±Infinity
        }
    }
}
