using System.Text.Json.Serialization;

namespace Platform.Core.NetworkServer.Tts;

/// <summary>Source-generated JSON for The Things Stack's snake_case messages.</summary>
/// <remarks>A null where the model has no null fails like a wrong type instead of surfacing later as a crash.</remarks>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(TtsUplinkMessage))]
public sealed partial class TtsJsonContext : JsonSerializerContext;
