using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>Reads what <c>decodeUplink</c> returned, <c>{data, warnings, errors}</c>, into a <see cref="DecodeResult"/>.</summary>
internal static class DecodeOutput
{
    public static DecodeResult ToResult(JsonNode? output)
    {
        if (output is not JsonObject root)
        {
            return DecodeResult.Failed("decodeUplink must return an object");
        }

        var warnings = Messages(root["warnings"]);
        var errors = Messages(root["errors"]);
        if (errors.Count > 0)
        {
            return new DecodeResult(null, warnings, errors);
        }

        return root["data"] switch
        {
            JsonObject data => new DecodeResult(Detach(root, data), warnings, []),
            null => DecodeResult.Failed("decodeUplink returned neither data nor errors"),
            _ => DecodeResult.Failed("decodeUplink returned data that is not an object"),
        };
    }

    private static JsonObject Detach(JsonObject root, JsonObject data)
    {
        root.Remove("data");
        return data;
    }

    // Scripts put anything in these lists; strings are taken as they are, anything else as its JSON.
    private static List<string> Messages(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(Message).ToList(),
        _ => [Message(node)],
    };

    private static string Message(JsonNode? node) =>
        node is null ? "null"
        : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>()
        : node.ToJsonString();
}
