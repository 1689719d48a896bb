using System.Text.Json.Serialization;

namespace Platform.Core.NetworkServer.Tts;

/// <summary>
/// The Things Stack v3 uplink message, published on <c>v3/{applicationId}[@{tenantId}]/devices/{deviceId}/up</c>
/// (JSON, snake_case, zero values omitted, <c>frm_payload</c> in base64, 64-bit numbers as strings).
/// Members the parser ignores are here so the simulator can publish the message whole.
/// </summary>
public sealed record TtsUplinkMessage
{
    public const string TopicTemplate = "v3/{0}/devices/{1}/up";

    public required TtsEndDeviceIds EndDeviceIds { get; init; }
    public IReadOnlyList<string> CorrelationIds { get; init; } = [];
    public DateTimeOffset? ReceivedAt { get; init; }
    public required TtsUplink UplinkMessage { get; init; }

    /// <param name="applicationId"><c>app</c> (open source) or <c>app@tenant</c> (The Things Stack Cloud / Industries).</param>
    public static string Topic(string applicationId, string deviceId) => string.Format(TopicTemplate, applicationId, deviceId);
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
    public string? SessionKeyId { get; init; }
    public int FPort { get; init; }
    public uint FCnt { get; init; }
    public string? FrmPayload { get; init; }
    public IReadOnlyList<TtsRxMetadata> RxMetadata { get; init; } = [];
    public TtsTxSettings? Settings { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>A protobuf duration: seconds with an "s" suffix, e.g. <c>0.061696s</c>.</summary>
    public string? ConsumedAirtime { get; init; }

    public TtsNetworkIds? NetworkIds { get; init; }
}

public sealed record TtsRxMetadata
{
    public TtsGatewayIds? GatewayIds { get; init; }
    public DateTimeOffset? Time { get; init; }
    /// <summary>Floats in The Things Stack's schema: fractional values must not make a message unreadable.</summary>
    public double Rssi { get; init; }

    /// <inheritdoc cref="Rssi"/>
    public double ChannelRssi { get; init; }

    public double Snr { get; init; }
    public int ChannelIndex { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
}

public sealed record TtsGatewayIds(string? GatewayId, string? Eui);

public sealed record TtsTxSettings
{
    public TtsDataRate? DataRate { get; init; }

    /// <summary>Hz; a uint64, which protobuf's JSON writes as a string.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong Frequency { get; init; }

    /// <summary>The gateway concentrator's microsecond counter (wraps around).</summary>
    public uint Timestamp { get; init; }
}

public sealed record TtsDataRate(TtsLoraDataRate? Lora);

public sealed record TtsLoraDataRate(int Bandwidth, int SpreadingFactor, string CodingRate);

public sealed record TtsNetworkIds(string? NetId, string? NsId, string? TenantId, string? ClusterId, string? ClusterAddress);
