using Platform.Core.Devices;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Core.Tenancy;

namespace Platform.Core.Uplinks;

/// <summary>
/// An uplink exactly as the network server delivered it, kept so it can be decoded again. Written
/// only by the storage worker (in bulk, see RawUplinkWriter); read through EF.
/// </summary>
public sealed class RawUplink : ITenantOwned
{
    private RawUplink()
    {
        DeduplicationKey = string.Empty;
        ApplicationId = string.Empty;
        Payload = [];
        Gateways = [];
    }

    public Guid TenantId { get; private set; }

    public Guid DeviceId { get; private set; }

    /// <summary>The network server's time of the uplink: the partition key, repeated by any redelivery.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    public string DeduplicationKey { get; private set; }

    public DevEui DevEui { get; private set; }

    public NetworkServerKind NetworkServerKind { get; private set; }

    public string ApplicationId { get; private set; }

    public long FCnt { get; private set; }

    public int FPort { get; private set; }

    public byte[] Payload { get; private set; }

    public IReadOnlyList<GatewayReception> Gateways { get; private set; }

    /// <summary>When our ingestion took it from the broker.</summary>
    public DateTimeOffset IngestedAt { get; private set; }

    /// <summary>When the storage committed it.</summary>
    public DateTimeOffset StoredAt { get; private set; }

    /// <summary>The decoder version that decoded it last; null when its device had no decoder then.</summary>
    public Guid? DecoderVersionId { get; private set; }

    /// <summary>The decoder's <c>data</c> object as JSON, when decoding succeeded.</summary>
    public string? Decoded { get; private set; }

    public string[]? DecodeWarnings { get; private set; }

    /// <summary>Why decoding failed (the decoder's own errors or a broken sandbox limit); the raw uplink is kept regardless.</summary>
    public string[]? DecodeErrors { get; private set; }

    public DateTimeOffset? DecodedAt { get; private set; }
}
