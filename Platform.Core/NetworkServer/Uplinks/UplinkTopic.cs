using System.Diagnostics.CodeAnalysis;
using Platform.Core.Devices;

namespace Platform.Core.NetworkServer.Uplinks;

/// <summary>
/// What an uplink topic says: the network server, its application, and the device as the topic names
/// it (ChirpStack: the DevEUI; The Things Stack: its device id). The topic is a trust boundary: a
/// body that disagrees with it is rejected.
/// </summary>
public sealed record UplinkTopic(NetworkServerKind Kind, string ApplicationId, string Device)
{
    /// <summary>
    /// Accepts only levels the network server itself can publish: the subscription's '+' wildcards
    /// match any level, also "not-a-uuid" or "", which no device binding could ever be.
    /// </summary>
    public static bool TryParse(string topic, [NotNullWhen(true)] out UplinkTopic? parsed)
    {
        parsed = null;
        var levels = topic.Split('/');
        if (levels is ["application", var application, "device", var devEui, "event", "up"]
            && Guid.TryParseExact(application, "D", out _) && devEui.Length == 16 && DevEui.TryParse(devEui, out _))
        {
            parsed = new UplinkTopic(NetworkServerKind.ChirpStack, application, devEui);
        }
        else if (levels is ["v3", var ttsApplication, "devices", var deviceId, "up"]
            && IsTtsApplication(ttsApplication) && IsTtsId(deviceId))
        {
            parsed = new UplinkTopic(NetworkServerKind.TheThingsStack, ttsApplication, deviceId);
        }

        return parsed is not null;
    }

    // "app" (open source) or "app@tenant" (The Things Industries).
    private static bool IsTtsApplication(string application) =>
        application.Split('@') is { Length: 1 or 2 } ids && ids.All(IsTtsId);

    // The Things Stack's identifier rule: 3–36 of a–z, 0–9 and single inner dashes.
    private static bool IsTtsId(string id) =>
        id.Length is >= 3 and <= 36
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && id[0] != '-' && id[^1] != '-' && !id.Contains("--", StringComparison.Ordinal);
}
