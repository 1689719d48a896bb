using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Core.NetworkServer.Tts;

/// <summary>
/// Reads times with their offset (<see cref="NetworkTime"/>); writes them as The Things Stack does,
/// in UTC with a "Z" instead of "+00:00".
/// </summary>
internal sealed class TtsTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NetworkTime.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
