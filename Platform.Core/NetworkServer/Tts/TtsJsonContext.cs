using System.Text.Json.Serialization;

namespace Platform.Core.NetworkServer.Tts;

/// <summary>
/// Source-generated JSON for The Things Stack's snake_case messages. The writing options only
/// matter to the simulator: like The Things Stack, it omits zero values and writes times in UTC
/// with a "Z"; reading is as lenient as ever.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(TtsTimeConverter)])]
[JsonSerializable(typeof(TtsUplinkMessage))]
public sealed partial class TtsJsonContext : JsonSerializerContext;
