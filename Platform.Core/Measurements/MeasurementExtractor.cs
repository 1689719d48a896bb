using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Measurements;

/// <summary>
/// Turns a decoded <c>data</c> object into named numeric values for <see cref="Measurement"/> rows:
/// numbers as they are, booleans as 1/0, nested objects and arrays by path (<c>gps_6.latitude</c>,
/// <c>channels.0</c>). Strings and nulls are not series; they stay in the uplink's JSON object.
/// Bounded, because a decoder's output is its author's to choose: past <see cref="MaxValues"/>
/// values, or names longer than <see cref="MaxNameLength"/>, the rest is skipped and said so.
/// </summary>
public static class MeasurementExtractor
{
    public const int MaxNameLength = 200;
    public const int MaxValues = 256;

    public static ExtractedMeasurements Extract(JsonObject data)
    {
        var values = new List<NamedValue>();
        var skipped = 0;
        Walk(data, null, values, ref skipped);
        return new ExtractedMeasurements(values, skipped);
    }

    private static void Walk(JsonNode? node, string? path, List<NamedValue> values, ref int skipped)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, path is null ? key : $"{path}.{key}", values, ref skipped);
                }

                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    Walk(array[index], path is null ? index.ToString() : $"{path}.{index}", values, ref skipped);
                }

                break;
            case JsonValue value when Number(value) is { } number:
                if (values.Count < MaxValues && path!.Length <= MaxNameLength)
                {
                    values.Add(new NamedValue(path, number));
                }
                else
                {
                    skipped++;
                }

                break;
        }
    }

    private static double? Number(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => value.TryGetValue<double>(out var number) ? number : value.GetValue<JsonElement>().GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };
}

/// <summary>A decoded numeric value and its path in the decoded object.</summary>
public readonly record struct NamedValue(string Name, double Value);

/// <summary>The values taken from one decoded object, and how many were left out by the bounds.</summary>
public sealed record ExtractedMeasurements(IReadOnlyList<NamedValue> Values, int Skipped);
