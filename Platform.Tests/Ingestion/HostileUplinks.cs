namespace Platform.Tests.Ingestion;

/// <summary>
/// MQTT messages that an attacker, a misconfigured network server or a faulty broker could deliver on
/// the uplink subscriptions, each with the reason the platform must refuse it. Every one is the
/// recorded ChirpStack or TTS uplink, retargeted, and differs from a valid message only in the way its
/// name says: so a rejection for another reason is a finding, not noise.
/// </summary>
public static partial class HostileUplinks
{
    /// <param name="now">The times in the messages are a moment before it; parse them as received at it.</param>
    public static IReadOnlyList<HostileUplink> Create(HostileUplinkTargets targets, DateTimeOffset now)
    {
        var recorded = new Recorded(targets, now);
        return
        [
            .. Envelopes(recorded),
            .. MissingFields(recorded),
            .. InvalidFields(recorded),
            .. Payloads(recorded),
            .. Topics(recorded),
            .. Times(recorded),
            .. Devices(recorded),
        ];
    }
}
