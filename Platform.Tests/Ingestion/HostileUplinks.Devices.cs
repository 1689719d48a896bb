using Reason = Platform.Core.NetworkServer.Uplinks.UplinkRejectionReason;

namespace Platform.Tests.Ingestion;

public static partial class HostileUplinks
{
    // Valid messages that only device resolution can refuse: the parser cannot know which DevEUIs
    // are registered, nor where each is bound. Each has its own deduplication id, so none is mistaken
    // for an uplink already handled.
    private static IEnumerable<HostileUplink> Devices(Recorded r)
    {
        var targets = r.Targets;
        var application = targets.ChirpStackApplicationId.ToString();
        var otherApplication = targets.OtherChirpStackApplicationId;

        yield return Recorded.Entry("chirpstack: unregistered DevEUI on the registered application", Recorded.ChirpStackTopicOf(application, targets.UnregisteredDevEui),
            Recorded.Utf8(r.ChirpStackJson(devEui: targets.UnregisteredDevEui).ToJsonString()), Reason.UnknownDevice);
        yield return Recorded.Entry("tts: unregistered DevEUI behind the registered device id", r.TtsTopic,
            Recorded.Utf8(r.TtsJson(devEui: targets.UnregisteredDevEui).ToJsonString()), Reason.UnknownDevice);

        yield return Recorded.Entry("chirpstack: registered DevEUI from an application it is not bound to",
            Recorded.ChirpStackTopicOf(otherApplication.ToString(), targets.RegisteredChirpStackDevEui),
            Recorded.Utf8(r.ChirpStackJson(applicationId: otherApplication).ToJsonString()), Reason.BindingMismatch);
        yield return Recorded.Entry("chirpstack: the TTS-bound DevEUI arriving through ChirpStack",
            Recorded.ChirpStackTopicOf(application, targets.RegisteredTtsDevEui),
            Recorded.Utf8(r.ChirpStackJson(devEui: targets.RegisteredTtsDevEui).ToJsonString()), Reason.BindingMismatch);
        yield return Recorded.Entry("tts: the ChirpStack-bound DevEUI arriving through TTS", r.TtsTopic,
            Recorded.Utf8(r.TtsJson(devEui: targets.RegisteredChirpStackDevEui).ToJsonString()), Reason.BindingMismatch);
    }
}
