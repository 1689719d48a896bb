using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Core.Devices;

/// <summary>A DevEUI is written and read as its 16 lowercase hex characters.</summary>
public sealed class DevEuiJsonConverter : JsonConverter<DevEui>
{
    public override DevEui Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DevEui.TryParse(reader.GetString(), out var devEui) ? devEui : throw new JsonException("A DevEUI is 16 hexadecimal characters.");

    public override void Write(Utf8JsonWriter writer, DevEui value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
