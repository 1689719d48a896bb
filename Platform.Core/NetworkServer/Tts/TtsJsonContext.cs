using System.Text.Json.Serialization;

namespace Platform.Core.NetworkServer.Tts;

/// <summary>
/// Source-generated JSON for The Things Stack's snake_case messages. Reading: a null where the
/// model has no null fails like a wrong type instead of surfacing later as a crash; a number in a
/// string is refused except where The Things Stack writes one (64-bit numbers, marked on their
/// member, like <see cref="TtsTxSettings.Frequency"/>); times need their offset. Writing (only
/// the simulator writes): like The Things Stack, zero values are omitted and times are UTC with a "Z".
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(TtsTimeConverter)])]
[JsonSerializable(typeof(TtsUplinkMessage))]
public sealed partial class TtsJsonContext : JsonSerializerContext;
