using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Core.NetworkServer.ChirpStack;

namespace Platform.Core.NetworkServer;

/// <summary>Source-generated JSON for the network servers' messages: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChirpStackUplinkEvent))]
public sealed partial class NetworkServerJsonContext : JsonSerializerContext;
