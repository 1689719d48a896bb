namespace Platform.Tests.Ingestion;

/// <summary>
/// The devices and applications a hostile corpus aims at: two registered devices (one per network
/// server), a DevEUI nobody registered, and a ChirpStack application none of them is bound to.
/// </summary>
/// <param name="TtsApplicationId">As in the topic: <c>app</c> or <c>app@tenant</c>.</param>
/// <param name="TtsDeviceId">
/// Like every TTS id 3–36 of a–z, 0–9 and single inner dashes: the parser refuses other topics.
/// </param>
public sealed record HostileUplinkTargets(
    Guid ChirpStackApplicationId,
    string RegisteredChirpStackDevEui,
    string TtsApplicationId,
    string TtsDeviceId,
    string RegisteredTtsDevEui,
    string UnregisteredDevEui,
    Guid OtherChirpStackApplicationId);
