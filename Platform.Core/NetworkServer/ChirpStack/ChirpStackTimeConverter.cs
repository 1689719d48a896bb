using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Core.NetworkServer.ChirpStack;

/// <summary>Reads times with their offset (<see cref="NetworkTime"/>); writes them as System.Text.Json does.</summary>
internal sealed class ChirpStackTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NetworkTime.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
