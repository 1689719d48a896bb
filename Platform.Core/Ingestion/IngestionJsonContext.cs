using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Ingestion;

/// <summary>Wire format of <see cref="UplinkBatch"/> on the event bus (source-generated: it is on the hot path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UplinkBatch))]
[JsonSerializable(typeof(AdmittedUplink))]
[JsonSerializable(typeof(IReadOnlyList<GatewayReception>))]
public sealed partial class IngestionJsonContext : JsonSerializerContext;
