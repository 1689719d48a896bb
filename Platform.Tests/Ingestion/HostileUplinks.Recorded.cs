using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Tests.Ingestion;

public static partial class HostileUplinks
{
    // The recorded uplinks, retargeted. Every message gets a fresh deduplicationId or as:up:
    // correlation id, so that no two entries, nor two corpora, are one uplink to the deduplication.
    private sealed class Recorded(HostileUplinkTargets targets, DateTimeOffset now)
    {
        private static readonly string SharedData = Path.Combine(AppContext.BaseDirectory, "SharedData", "uplinks");
        private static readonly string RecordedChirpStack = File.ReadAllText(Path.Combine(SharedData, "chirpstack-v4-up.json"));
        private static readonly string RecordedTts = File.ReadAllText(Path.Combine(SharedData, "tts-v3-up.json"));

        public HostileUplinkTargets Targets => targets;

        public DateTimeOffset Now => now;

        public string ChirpStackTopic => ChirpStackTopicOf(targets.ChirpStackApplicationId.ToString(), targets.RegisteredChirpStackDevEui);

        public string TtsTopic => TtsTopicOf(targets.TtsApplicationId, targets.TtsDeviceId);

        public static string ChirpStackTopicOf(string applicationId, string devEui) => $"application/{applicationId}/device/{devEui}/event/up";

        public static string TtsTopicOf(string applicationId, string deviceId) => $"v3/{applicationId}/devices/{deviceId}/up";

        // The recorded ChirpStack uplink, as if the registered device had sent it a second ago.
        public JsonObject ChirpStackJson(Guid? applicationId = null, string? devEui = null)
        {
            var json = JsonNode.Parse(RecordedChirpStack)!.AsObject();
            json["deduplicationId"] = Guid.NewGuid().ToString();
            json["time"] = Iso(now.AddSeconds(-1));
            json["deviceInfo"]!["applicationId"] = (applicationId ?? targets.ChirpStackApplicationId).ToString();
            json["deviceInfo"]!["devEui"] = devEui ?? targets.RegisteredChirpStackDevEui;
            json["rxInfo"]![0]!["nsTime"] = Iso(now.AddSeconds(-1.2));
            return json;
        }

        // The recorded TTS uplink, as if the registered device had sent it a second ago.
        public JsonObject TtsJson(string? devEui = null)
        {
            var json = JsonNode.Parse(RecordedTts)!.AsObject();
            var (application, tenant) = targets.TtsApplicationId.Split('@') is [var app, var ten] ? (app, ten) : (targets.TtsApplicationId, null);
            var ids = json["end_device_ids"]!;
            ids["device_id"] = targets.TtsDeviceId;
            ids["application_ids"]!["application_id"] = application;
            // The Things Stack writes EUIs in upper case.
            ids["dev_eui"] = (devEui ?? targets.RegisteredTtsDevEui).ToUpperInvariant();
            json["correlation_ids"]![0] = "as:up:" + NewUlid();
            json["received_at"] = Iso(now.AddSeconds(-0.8));
            var uplink = json["uplink_message"]!;
            uplink["received_at"] = Iso(now.AddSeconds(-1));
            uplink["rx_metadata"]![0]!["time"] = Iso(now.AddSeconds(-1.25));
            uplink["rx_metadata"]![0]!["received_at"] = Iso(now.AddSeconds(-1.2));
            var networkIds = uplink["network_ids"]!.AsObject();
            if (tenant is null)
            {
                networkIds.Remove("tenant_id");
            }
            else
            {
                networkIds["tenant_id"] = tenant;
            }

            return json;
        }

        public HostileUplink ChirpStack(string name, UplinkRejectionReason expected, Action<JsonObject> change, string? topic = null)
        {
            var json = ChirpStackJson();
            change(json);
            return Entry("chirpstack: " + name, topic ?? ChirpStackTopic, Utf8(json.ToJsonString()), expected);
        }

        public HostileUplink Tts(string name, UplinkRejectionReason expected, Action<JsonObject> change, string? topic = null)
        {
            var json = TtsJson();
            change(json);
            return Entry("tts: " + name, topic ?? TtsTopic, Utf8(json.ToJsonString()), expected);
        }

        // For what a JSON tree cannot hold (duplicate keys, comments, broken syntax): an edit of the message text.
        public HostileUplink ChirpStackText(string name, UplinkRejectionReason expected, Func<string, string> edit) =>
            Entry("chirpstack: " + name, ChirpStackTopic, Utf8(edit(ChirpStackJson().ToJsonString())), expected);

        public HostileUplink TtsText(string name, UplinkRejectionReason expected, Func<string, string> edit) =>
            Entry("tts: " + name, TtsTopic, Utf8(edit(TtsJson().ToJsonString())), expected);

        // For what is not text at all: an edit of the message bytes.
        public HostileUplink ChirpStackBytes(string name, UplinkRejectionReason expected, Func<byte[], byte[]> edit) =>
            Entry("chirpstack: " + name, ChirpStackTopic, edit(Utf8(ChirpStackJson().ToJsonString())), expected);

        public HostileUplink TtsBytes(string name, UplinkRejectionReason expected, Func<byte[], byte[]> edit) =>
            Entry("tts: " + name, TtsTopic, edit(Utf8(TtsJson().ToJsonString())), expected);

        public static HostileUplink Entry(string name, string topic, byte[] message, UplinkRejectionReason expected) =>
            new(name, topic, message, expected);

        public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

        // Replaces the first occurrence of an ASCII marker: how bytes no JSON writer emits get into a message.
        public static byte[] Splice(byte[] message, string marker, params byte[] replacement)
        {
            var at = message.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
            return at < 0
                ? throw new InvalidOperationException($"Marker '{marker}' is not in the message.")
                : [.. message.AsSpan(0, at), .. replacement, .. message.AsSpan(at + marker.Length)];
        }

        // A ULID, as TTS uses in its correlation ids: 48 bits of milliseconds, 80 random bits, Crockford base32.
        private string NewUlid()
        {
            const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteInt64BigEndian(bytes, now.ToUnixTimeMilliseconds() << 16);
            RandomNumberGenerator.Fill(bytes[6..]);
            var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
            Span<char> text = stackalloc char[26];
            for (var i = text.Length - 1; i >= 0; i--, value >>= 5)
            {
                text[i] = Crockford[(int)(value & 31)];
            }

            return new string(text);
        }
    }
}
