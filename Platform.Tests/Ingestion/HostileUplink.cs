using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Tests.Ingestion;

/// <summary>An MQTT message as the broker would deliver it, and why the platform must refuse it.</summary>
public sealed record HostileUplink(string Name, string Topic, byte[] Message, UplinkRejectionReason Expected)
{
    public override string ToString() => Name;
}
