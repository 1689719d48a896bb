using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Requests;

/// <summary>Reads JSON times by <see cref="OffsetTimes"/>' rule (with an offset); writes them as before (ISO 8601, round trip).</summary>
internal sealed class OffsetTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && OffsetTimes.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException(OffsetTimes.Rule);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
