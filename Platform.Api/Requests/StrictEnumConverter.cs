using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Requests;

/// <summary>
/// One rule for enum values in JSON bodies: a defined name, in any case; no number (<c>3</c> or
/// <c>"3"</c>), no combination (<c>"Viewer, Admin"</c>). System.Text.Json's string-enum converter
/// accepts all of those, and a combination of roles reads as the highest. Written as the name.
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && EnumNames.TryParse<TEnum>(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"Must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
