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
    public static bool TryParse(string topic, [NotNullWhen(true)] out UplinkTopic? parsed)
    {
        parsed = null;
        var levels = topic.Split('/');
        if (levels is ["application", var application, "device", var devEui, "event", "up"]
            && application.Length > 0 && devEui.Length > 0)
        {
            parsed = new UplinkTopic(NetworkServerKind.ChirpStack, application, devEui);
        }
        else if (levels is ["v3", var ttsApplication, "devices", var deviceId, "up"]
            && ttsApplication.Length > 0 && deviceId.Length > 0)
        {
            parsed = new UplinkTopic(NetworkServerKind.TheThingsStack, ttsApplication, deviceId);
        }

        return parsed is not null;
    }
}
