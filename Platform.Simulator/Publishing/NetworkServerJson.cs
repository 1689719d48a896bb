using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Platform.Simulator.Publishing;

internal static class NetworkServerJson
{
    // Network servers escape only what JSON requires; .NET's default encoder would also escape
    // characters such as '+' in base64 payloads (\u002B), which is valid but not what they publish.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize<T>(T message, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, message, typeInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
