using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Core.NetworkServer.ChirpStack;

namespace Platform.Core.NetworkServer;

/// <summary>Source-generated JSON for the network servers' messages: no reflection on the hot path.</summary>
/// <remarks>
/// A null where the model has no null fails like a wrong type instead of surfacing later as a crash.
/// Names match case-insensitively (web defaults), so "devEui" and "DEVEUI" would be one member given
/// twice, which the JSON document cannot see: the serializer rejects that duplicate itself.
/// ChirpStack writes its numbers as JSON numbers: a number in a string (which the web defaults
/// would read) is refused. Times need their offset.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true, AllowDuplicateProperties = false, NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(ChirpStackTimeConverter)])]
[JsonSerializable(typeof(ChirpStackUplinkEvent))]
public sealed partial class NetworkServerJsonContext : JsonSerializerContext;
