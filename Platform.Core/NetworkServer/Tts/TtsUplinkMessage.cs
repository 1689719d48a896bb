namespace Platform.Core.NetworkServer.Tts;

/// <summary>
/// The Things Stack v3 uplink message, published on <c>v3/{applicationId}[@{tenantId}]/devices/{deviceId}/up</c>
/// (JSON, snake_case, zero values omitted, <c>frm_payload</c> in base64).
/// </summary>
public sealed record TtsUplinkMessage
{
    public required TtsEndDeviceIds EndDeviceIds { get; init; }
    public IReadOnlyList<string> CorrelationIds { get; init; } = [];
    public DateTimeOffset? ReceivedAt { get; init; }
    public required TtsUplink UplinkMessage { get; init; }
}

public sealed record TtsEndDeviceIds
{
    public required string DeviceId { get; init; }
    public required TtsApplicationIds ApplicationIds { get; init; }
    public string? DevEui { get; init; }
    public string? JoinEui { get; init; }
    public string? DevAddr { get; init; }
}

/// <remarks>A property, not a positional parameter: a missing constructor parameter would silently be null.</remarks>
public sealed record TtsApplicationIds
{
    public required string ApplicationId { get; init; }
}

public sealed record TtsUplink
{
    public int FPort { get; init; }
    public uint FCnt { get; init; }
    public string? FrmPayload { get; init; }
    public IReadOnlyList<TtsRxMetadata> RxMetadata { get; init; } = [];
    public DateTimeOffset? ReceivedAt { get; init; }
    public TtsNetworkIds? NetworkIds { get; init; }
}

public sealed record TtsRxMetadata
{
    public TtsGatewayIds? GatewayIds { get; init; }
    public int Rssi { get; init; }
    public double Snr { get; init; }
}

public sealed record TtsGatewayIds(string? GatewayId, string? Eui);

public sealed record TtsNetworkIds(string? NetId, string? TenantId, string? ClusterId);
