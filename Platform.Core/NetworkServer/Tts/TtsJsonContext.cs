using System.Text.Json.Serialization;

namespace Platform.Core.NetworkServer.Tts;

/// <summary>Source-generated JSON for The Things Stack's snake_case messages.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TtsUplinkMessage))]
public sealed partial class TtsJsonContext : JsonSerializerContext;
