using Reason = Platform.Core.NetworkServer.Uplinks.UplinkRejectionReason;

namespace Platform.Tests.Ingestion;

public static partial class HostileUplinks
{
    // Topics that the subscriptions application/+/device/+/event/up and v3/+/devices/+/up
    // deliver but whose levels no network server writes, and bodies that disagree with their topic:
    // the topic is what the broker vouches for, so a body naming another device is a spoof.
    private static IEnumerable<HostileUplink> Topics(Recorded r)
    {
        var targets = r.Targets;
        var application = targets.ChirpStackApplicationId.ToString();
        var devEui = targets.RegisteredChirpStackDevEui;

        // Invalid levels, with a body that agrees with the topic wherever it can.
        yield return r.ChirpStack("application level is a name, not a UUID", Reason.UnknownTopic, _ => { },
            Recorded.ChirpStackTopicOf("reservoir-sensors", devEui));
        yield return r.ChirpStack("application UUID in braces", Reason.UnknownTopic, _ => { },
            Recorded.ChirpStackTopicOf("{" + application + "}", devEui));
        yield return r.ChirpStack("empty application level", Reason.UnknownTopic, _ => { }, Recorded.ChirpStackTopicOf("", devEui));
        yield return r.ChirpStack("device level is a name, not a DevEUI", Reason.UnknownTopic, _ => { },
            Recorded.ChirpStackTopicOf(application, "reservoir-north-01"));
        yield return r.ChirpStack("device level with 17 hex digits", Reason.UnknownTopic, _ => { }, Recorded.ChirpStackTopicOf(application, devEui + "0"));
        yield return r.ChirpStack("device level with colons between the DevEUI's bytes", Reason.UnknownTopic, _ => { },
            Recorded.ChirpStackTopicOf(application, string.Join(':', devEui.Chunk(2).Select(pair => new string(pair)))));
        yield return r.Tts("application id in upper case", Reason.UnknownTopic, _ => { },
            Recorded.TtsTopicOf(targets.TtsApplicationId.ToUpperInvariant(), targets.TtsDeviceId));
        yield return r.Tts("empty tenant after '@'", Reason.UnknownTopic, _ => { },
            Recorded.TtsTopicOf(targets.TtsApplicationId.Split('@')[0] + "@", targets.TtsDeviceId));
        yield return r.Tts("two tenants", Reason.UnknownTopic, _ => { }, Recorded.TtsTopicOf(targets.TtsApplicationId.Split('@')[0] + "@acme@evil", targets.TtsDeviceId));
        yield return r.Tts("empty device level", Reason.UnknownTopic, _ => { }, Recorded.TtsTopicOf(targets.TtsApplicationId, ""));
        yield return r.Tts("device id with an underscore", Reason.UnknownTopic, _ => { },
            Recorded.TtsTopicOf(targets.TtsApplicationId, targets.TtsDeviceId + "_2"));
        yield return r.Tts("device id with a double dash", Reason.UnknownTopic, _ => { },
            Recorded.TtsTopicOf(targets.TtsApplicationId, targets.TtsDeviceId + "--2"));
        yield return r.Tts("device id of 37 characters", Reason.UnknownTopic, _ => { },
            Recorded.TtsTopicOf(targets.TtsApplicationId, new string('d', 37)));
        yield return r.Tts("device id with a Cyrillic homoglyph", Reason.UnknownTopic, _ => { },
            Recorded.TtsTopicOf(targets.TtsApplicationId, "\u0441" + targets.TtsDeviceId[1..]));

        // Spoofs: a valid topic, a body about another device or application.
        yield return r.ChirpStack("body claims the registered DevEUI, topic another device", Reason.TopicMismatch, _ => { },
            Recorded.ChirpStackTopicOf(application, targets.UnregisteredDevEui));
        yield return r.ChirpStack("body claims another DevEUI on the registered device's topic", Reason.TopicMismatch,
            j => j["deviceInfo"]!["devEui"] = targets.UnregisteredDevEui);
        yield return r.ChirpStack("body claims another application than the topic", Reason.TopicMismatch,
            j => j["deviceInfo"]!["applicationId"] = targets.OtherChirpStackApplicationId.ToString());
        yield return r.ChirpStack("body claims the registered application, topic another", Reason.TopicMismatch, _ => { },
            Recorded.ChirpStackTopicOf(targets.OtherChirpStackApplicationId.ToString(), devEui));
        yield return r.Tts("topic names another device id than the body", Reason.TopicMismatch, _ => { },
            Recorded.TtsTopicOf(targets.TtsApplicationId, "other-device-01"));
        yield return r.Tts("body names another device id than the topic", Reason.TopicMismatch,
            j => j["end_device_ids"]!["device_id"] = "someone-else");
        yield return r.Tts("body names another application than the topic", Reason.TopicMismatch,
            j => j["end_device_ids"]!["application_ids"]!["application_id"] = "other-app");
    }
}
