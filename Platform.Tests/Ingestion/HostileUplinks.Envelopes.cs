using System.Text;
using System.Text.Json.Nodes;
using Platform.Core.NetworkServer.Uplinks;
using Reason = Platform.Core.NetworkServer.Uplinks.UplinkRejectionReason;

namespace Platform.Tests.Ingestion;

public static partial class HostileUplinks
{
    // Messages that are too large, not UTF-8, not JSON, or JSON that is not an object.
    private static IEnumerable<HostileUplink> Envelopes(Recorded r)
    {
        // Size: counted in bytes before anything is parsed, whatever they are.
        yield return r.ChirpStack("valid uplink padded past 64 KiB", Reason.MessageTooLarge,
            j => j["padding"] = new string('x', UplinkParser.MaxMessageBytes));
        yield return r.Tts("thousands of rx_metadata entries, past 64 KiB", Reason.MessageTooLarge, j =>
        {
            var gateways = j["uplink_message"]!["rx_metadata"]!.AsArray();
            var gateway = gateways[0]!;
            while (j.ToJsonString().Length <= UplinkParser.MaxMessageBytes)
            {
                gateways.Add(gateway.DeepClone());
            }
        });
        yield return r.TtsBytes("valid uplink followed by 64 KiB of spaces", Reason.MessageTooLarge,
            m => [.. m, .. Encoding.ASCII.GetBytes(new string(' ', UplinkParser.MaxMessageBytes))]);
        yield return Recorded.Entry("chirpstack: 96 KiB of random bytes", r.ChirpStackTopic, RandomBytes(96 * 1024, seed: 1), Reason.MessageTooLarge);

        // Nesting: a deep document costs stack and time in every reader after us.
        yield return r.ChirpStack("deviceInfo.tags nested 20 objects deep (limit 16)", Reason.MalformedJson, j =>
        {
            JsonNode nested = "north";
            for (var depth = 0; depth < 20; depth++)
            {
                nested = new JsonObject { ["site"] = nested };
            }

            j["deviceInfo"]!["tags"] = nested;
        });
        yield return Recorded.Entry("tts: 30 000 nested arrays, under the size limit", r.TtsTopic,
            Recorded.Utf8("{\"end_device_ids\":" + new string('[', 30_000) + new string(']', 30_000) + "}"), Reason.MalformedJson);

        // Broken or foreign syntax.
        yield return r.ChirpStackBytes("truncated in the middle", Reason.MalformedJson, m => m[..(m.Length / 2)]);
        yield return r.TtsBytes("truncated by its final brace", Reason.MalformedJson, m => m[..^1]);
        yield return r.ChirpStackText("trailing garbage after the object", Reason.MalformedJson, t => t + "\n</html>");
        yield return r.TtsText("two objects back to back", Reason.MalformedJson, t => t + t);
        yield return r.ChirpStackText("JavaScript comment before the object", Reason.MalformedJson, t => "/* chirpstack */" + t);
        yield return r.TtsText("trailing comma in the object", Reason.MalformedJson, t => t[..^1] + ",}");
        yield return r.ChirpStackText("NaN literal as fCnt", Reason.MalformedJson, t => ReplaceOnce(t, "\"fCnt\":1842", "\"fCnt\":NaN"));
        yield return r.TtsText("single-quoted strings", Reason.MalformedJson, t => t.Replace('"', '\''));
        yield return Recorded.Entry("chirpstack: plain text", r.ChirpStackTopic, Recorded.Utf8("temperature=21.5;humidity=40"), Reason.MalformedJson);
        yield return Recorded.Entry("tts: XML", r.TtsTopic, Recorded.Utf8("<uplink><f_port>85</f_port></uplink>"), Reason.MalformedJson);
        yield return Recorded.Entry("chirpstack: protobuf (integration set to binary, not JSON)", r.ChirpStackTopic, ChirpStackProtobuf(r), Reason.MalformedJson);
        yield return Recorded.Entry("tts: 512 random bytes", r.TtsTopic, RandomBytes(512, seed: 2), Reason.MalformedJson);
        yield return Recorded.Entry("tts: empty body", r.TtsTopic, [], Reason.MalformedJson);
        yield return Recorded.Entry("chirpstack: whitespace-only body", r.ChirpStackTopic, Recorded.Utf8(" \r\n\t "), Reason.MalformedJson);

        // Encoding: JSON on the wire is UTF-8 without a byte order mark (RFC 8259 §8.1).
        yield return r.ChirpStackBytes("UTF-8 byte order mark before the object", Reason.MalformedJson, m => [0xEF, 0xBB, 0xBF, .. m]);
        yield return r.ChirpStackBytes("invalid UTF-8 byte 0xFF in deviceInfo.deviceName", Reason.MalformedJson,
            m => Recorded.Splice(m, "north-01", 0xFF));
        yield return r.TtsBytes("overlong UTF-8 '/' in a member the parser skips (settings)", Reason.MalformedJson,
            m => Recorded.Splice(m, "4/5", (byte)'4', 0xC0, 0xAF, (byte)'5'));
        yield return r.ChirpStackBytes("UTF-8-encoded surrogate (CESU-8) in deviceInfo.tenantName", Reason.MalformedJson,
            m => Recorded.Splice(m, "Acme Water", 0xED, 0xA0, 0x80));
        yield return r.TtsBytes("UTF-8 sequence cut short at the end of a string", Reason.MalformedJson,
            m => Recorded.Splice(m, "roof-gw-1", (byte)'r', 0xE2, 0x82));
        yield return Recorded.Entry("tts: UTF-16LE with byte order mark", r.TtsTopic,
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(r.TtsJson().ToJsonString())], Reason.MalformedJson);

        // Valid JSON that is not an object.
        yield return Recorded.Entry("chirpstack: JSON null", r.ChirpStackTopic, Recorded.Utf8("null"), Reason.MalformedJson);
        yield return Recorded.Entry("tts: the uplink wrapped in an array", r.TtsTopic, Recorded.Utf8(new JsonArray(r.TtsJson()).ToJsonString()), Reason.MalformedJson);
        yield return Recorded.Entry("chirpstack: the uplink encoded twice (a JSON string)", r.ChirpStackTopic,
            Recorded.Utf8(JsonValue.Create(r.ChirpStackJson().ToJsonString()).ToJsonString()), Reason.MalformedJson);
        yield return Recorded.Entry("tts: JSON number", r.TtsTopic, Recorded.Utf8("42"), Reason.MalformedJson);
        yield return Recorded.Entry("chirpstack: JSON true", r.ChirpStackTopic, Recorded.Utf8("true"), Reason.MalformedJson);

        // Duplicate keys: we would read the last, another reader of the stored message the first.
        yield return r.ChirpStackText("deviceInfo.devEui twice, the topic's last", Reason.MalformedJson,
            t => ReplaceOnce(t, "\"deviceInfo\":{", $"\"deviceInfo\":{{\"devEui\":\"{r.Targets.UnregisteredDevEui}\","));
        var victim = r.TtsJson(devEui: r.Targets.UnregisteredDevEui)["end_device_ids"]!;
        victim["device_id"] = "someone-else";
        yield return r.TtsText("end_device_ids twice, the topic's last", Reason.MalformedJson,
            t => ReplaceOnce(t, "{\"end_device_ids\":", $"{{\"end_device_ids\":{victim.ToJsonString()},\"end_device_ids\":"));
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // Shaped like ChirpStack's protobuf encoding of an up event (deduplication_id, device_info with
    // application_id and dev_eui, f_cnt, f_port, data): what arrives when its integration is set to binary.
    private static byte[] ChirpStackProtobuf(Recorded r)
    {
        static byte[] Field(int number, byte[] value) => [(byte)(number << 3 | 2), (byte)value.Length, .. value];
        static byte[] Varint(int number, byte value) => [(byte)(number << 3), value];
        var deviceInfo = Field(3, Recorded.Utf8(r.Targets.ChirpStackApplicationId.ToString()))
            .Concat(Field(8, Recorded.Utf8(r.Targets.RegisteredChirpStackDevEui))).ToArray();
        return [.. Field(1, Recorded.Utf8(Guid.NewGuid().ToString())), .. Field(3, deviceInfo), .. Varint(7, 42), .. Varint(8, 85),
            .. Field(10, Convert.FromBase64String("AXVkA2cQAQRoSg=="))];
    }

    private static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidOperationException($"'{oldValue}' is not in the message.")
            : string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length));
    }
}
