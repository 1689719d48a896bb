using System.Text.Json.Nodes;
using Reason = Platform.Core.NetworkServer.Uplinks.UplinkRejectionReason;

namespace Platform.Tests.Ingestion;

public static partial class HostileUplinks
{
    // Members without which the uplink cannot be placed, counted or trusted. TTS omits zero values,
    // so its f_cnt, f_port and frm_payload may be absent; ChirpStack writes every field.
    private static IEnumerable<HostileUplink> MissingFields(Recorded r)
    {
        yield return r.ChirpStack("no deduplicationId", Reason.MissingField, j => j.Remove("deduplicationId"));
        yield return r.ChirpStack("no time", Reason.MissingField, j => j.Remove("time"));
        yield return r.ChirpStack("no deviceInfo", Reason.MissingField, j => j.Remove("deviceInfo"));
        yield return r.ChirpStack("no deviceInfo.devEui", Reason.MissingField, j => j["deviceInfo"]!.AsObject().Remove("devEui"));
        yield return r.ChirpStack("no deviceInfo.applicationId", Reason.MissingField, j => j["deviceInfo"]!.AsObject().Remove("applicationId"));
        yield return r.ChirpStack("no fCnt", Reason.MissingField, j => j.Remove("fCnt"));
        yield return r.ChirpStack("no fPort", Reason.MissingField, j => j.Remove("fPort"));

        yield return r.Tts("no end_device_ids", Reason.MissingField, j => j.Remove("end_device_ids"));
        yield return r.Tts("no end_device_ids.device_id", Reason.MissingField, j => j["end_device_ids"]!.AsObject().Remove("device_id"));
        yield return r.Tts("no end_device_ids.application_ids", Reason.MissingField, j => j["end_device_ids"]!.AsObject().Remove("application_ids"));
        yield return r.Tts("no application_ids.application_id", Reason.MissingField,
            j => j["end_device_ids"]!["application_ids"]!.AsObject().Remove("application_id"));
        yield return r.Tts("no end_device_ids.dev_eui", Reason.MissingField, j => j["end_device_ids"]!.AsObject().Remove("dev_eui"));
        yield return r.Tts("end_device_ids.dev_eui is null", Reason.MissingField, j => j["end_device_ids"]!["dev_eui"] = null);
        yield return r.Tts("no uplink_message", Reason.MissingField, j => j.Remove("uplink_message"));
        yield return r.Tts("no received_at anywhere", Reason.MissingField, j =>
        {
            j.Remove("received_at");
            j["uplink_message"]!.AsObject().Remove("received_at");
        });
    }

    // Members of the wrong type or out of their range.
    private static IEnumerable<HostileUplink> InvalidFields(Recorded r)
    {
        // A string where a number belongs (numeric strings are read as numbers: TTS writes 64-bit ones so).
        yield return r.ChirpStack("fCnt is a word", Reason.InvalidField, j => j["fCnt"] = "many");
        yield return r.Tts("f_cnt is a word", Reason.InvalidField, j => j["uplink_message"]!["f_cnt"] = "seventy-seven");
        yield return r.ChirpStack("time is not a date", Reason.InvalidField, j => j["time"] = "yesterday");
        yield return r.ChirpStack("deduplicationId is not a UUID", Reason.InvalidField, j => j["deduplicationId"] = "' OR 1=1 --");
        yield return r.Tts("as:up: correlation id too long to be a key", Reason.InvalidField,
            j => j["correlation_ids"] = new System.Text.Json.Nodes.JsonArray("as:up:" + new string('A', 10_000)));

        // A number where a string belongs.
        yield return r.ChirpStack("deviceInfo.devEui is a number", Reason.InvalidField, j => j["deviceInfo"]!["devEui"] = 24124136502217);
        yield return r.Tts("end_device_ids.device_id is a number", Reason.InvalidField, j => j["end_device_ids"]!["device_id"] = 2);
        yield return r.Tts("received_at is Unix seconds", Reason.InvalidField, j => j["uplink_message"]!["received_at"] = r.Now.ToUnixTimeSeconds());
        yield return r.ChirpStack("data is a number", Reason.InvalidField, j => j["data"] = 175640367);

        // Objects, arrays and null where something else belongs.
        yield return r.ChirpStack("rxInfo is an object", Reason.InvalidField, j => j["rxInfo"] = j["rxInfo"]![0]!.DeepClone());
        yield return r.ChirpStack("deviceInfo is an array", Reason.InvalidField, j => j["deviceInfo"] = new JsonArray(j["deviceInfo"]!.DeepClone()));
        yield return r.Tts("rx_metadata is an object", Reason.InvalidField,
            j => j["uplink_message"]!["rx_metadata"] = j["uplink_message"]!["rx_metadata"]![0]!.DeepClone());
        yield return r.Tts("correlation_ids is a string", Reason.InvalidField, j => j["correlation_ids"] = j["correlation_ids"]![0]!.DeepClone());
        yield return r.ChirpStack("deviceInfo is null", Reason.InvalidField, j => j["deviceInfo"] = null);
        yield return r.ChirpStack("rxInfo is null", Reason.InvalidField, j => j["rxInfo"] = null);
        yield return r.ChirpStack("rxInfo holds a null", Reason.InvalidField, j => j["rxInfo"]!.AsArray().Add(null));
        yield return r.Tts("uplink_message is null", Reason.InvalidField, j => j["uplink_message"] = null);
        yield return r.Tts("end_device_ids.device_id is null", Reason.InvalidField, j => j["end_device_ids"]!["device_id"] = null);
        yield return r.Tts("correlation_ids holds a null", Reason.InvalidField, j => j["correlation_ids"]!.AsArray().Insert(0, null));
        yield return r.Tts("rx_metadata holds a null", Reason.InvalidField, j => j["uplink_message"]!["rx_metadata"]!.AsArray().Add(null));

        // Counters and ports outside their range.
        yield return r.ChirpStack("fCnt is negative", Reason.InvalidField, j => j["fCnt"] = -1);
        yield return r.ChirpStack("fCnt overflows 32 bits", Reason.InvalidField, j => j["fCnt"] = 4_294_967_296L);
        yield return r.ChirpStack("fCnt is fractional", Reason.InvalidField, j => j["fCnt"] = 1842.5);
        yield return r.Tts("f_cnt is a negative numeric string", Reason.InvalidField, j => j["uplink_message"]!["f_cnt"] = "-77");
        yield return r.Tts("f_cnt has 20 digits", Reason.InvalidField, j => j["uplink_message"]!["f_cnt"] = JsonNode.Parse("18446744073709551616"));
        yield return r.ChirpStack("fPort 256", Reason.InvalidField, j => j["fPort"] = 256);
        yield return r.ChirpStack("fPort -1", Reason.InvalidField, j => j["fPort"] = -1);
        yield return r.Tts("f_port 256", Reason.InvalidField, j => j["uplink_message"]!["f_port"] = 256);
        yield return r.Tts("f_port -1", Reason.InvalidField, j => j["uplink_message"]!["f_port"] = -1);
        yield return r.ChirpStack("fPort overflows 32 bits", Reason.InvalidField, j => j["fPort"] = 2_147_483_648L);

        // A time that exists in no calendar once converted to UTC.
        yield return r.ChirpStack("time before year 1 in UTC", Reason.InvalidField, j => j["time"] = "0001-01-01T00:00:00+01:00");

        // DevEUIs that are not 8 bytes of hex.
        yield return r.ChirpStack("deviceInfo.devEui is not hex", Reason.InvalidField, j => j["deviceInfo"]!["devEui"] = "24e124136b50zz17");
        yield return r.ChirpStack("deviceInfo.devEui has 15 digits", Reason.InvalidField, j => j["deviceInfo"]!["devEui"] = "24e124136b50221");
        yield return r.ChirpStack("deviceInfo.devEui has 18 digits", Reason.InvalidField, j => j["deviceInfo"]!["devEui"] = "24e124136b50221700");
        yield return r.ChirpStack("deviceInfo.devEui is empty", Reason.InvalidField, j => j["deviceInfo"]!["devEui"] = "");
        // As text: a JSON writer would replace the lone surrogate before it reached the wire.
        yield return r.ChirpStackText("deviceInfo.devEui ends in an escaped lone surrogate", Reason.InvalidField, t => ReplaceOnce(t,
            $"\"devEui\":\"{r.Targets.RegisteredChirpStackDevEui}\"", $"\"devEui\":\"{r.Targets.RegisteredChirpStackDevEui[..15]}\\ud800\""));
        yield return r.Tts("end_device_ids.dev_eui is not hex", Reason.InvalidField, j => j["end_device_ids"]!["dev_eui"] = "GGE124136B502218");
        yield return r.Tts("end_device_ids.dev_eui is a DevAddr", Reason.InvalidField, j => j["end_device_ids"]!["dev_eui"] = "260B1A2C");
        yield return r.Tts("end_device_ids.dev_eui has a 0x prefix", Reason.InvalidField,
            j => j["end_device_ids"]!["dev_eui"] = "0x" + r.Targets.RegisteredTtsDevEui);

        // Names match case-insensitively in ChirpStack's JSON: "DEVEUI" is a second devEui, not an unknown
        // member; the topic's DevEUI comes last, where a last-wins reader would take it.
        yield return r.ChirpStack("deviceInfo.devEui given twice in different case", Reason.InvalidField, j =>
        {
            var deviceInfo = j["deviceInfo"]!.AsObject();
            var devEui = deviceInfo["devEui"]!.DeepClone();
            deviceInfo.Remove("devEui");
            deviceInfo["DEVEUI"] = r.Targets.UnregisteredDevEui;
            deviceInfo["devEui"] = devEui;
        });
    }
}
