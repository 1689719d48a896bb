namespace Platform.Core.NetworkServer.ChirpStack;

/// <summary>
/// ChirpStack v4's MQTT integration "up" event, published on
/// <c>application/{applicationId}/device/{devEui}/event/up</c> (JSON, camelCase, data in base64).
/// </summary>
public sealed record ChirpStackUplinkEvent
{
    public const string TopicTemplate = "application/{0}/device/{1}/event/up";

    public required Guid DeduplicationId { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required ChirpStackDeviceInfo DeviceInfo { get; init; }
    public string? DevAddr { get; init; }
    public bool Adr { get; init; }
    public int Dr { get; init; }
    // ChirpStack writes every field, also zeros (pbjson emit_fields): a missing counter or port is not 0.
    public required uint FCnt { get; init; }
    public required int FPort { get; init; }
    public bool Confirmed { get; init; }
    public string? Data { get; init; }
    public IReadOnlyList<ChirpStackRxInfo> RxInfo { get; init; } = [];
    public ChirpStackTxInfo? TxInfo { get; init; }

    public static string Topic(Guid applicationId, string devEui) => string.Format(TopicTemplate, applicationId, devEui);
}

public sealed record ChirpStackDeviceInfo
{
    public Guid TenantId { get; init; }
    public string? TenantName { get; init; }
    public required Guid ApplicationId { get; init; }
    public string? ApplicationName { get; init; }
    public Guid DeviceProfileId { get; init; }
    public string? DeviceProfileName { get; init; }
    public string? DeviceName { get; init; }
    public required string DevEui { get; init; }
    public string? DeviceClassEnabled { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

public sealed record ChirpStackRxInfo
{
    public required string GatewayId { get; init; }
    public uint UplinkId { get; init; }
    public DateTimeOffset? NsTime { get; init; }
    public int Rssi { get; init; }
    public double Snr { get; init; }
    public int Channel { get; init; }
    public ChirpStackLocation? Location { get; init; }
    public string? Context { get; init; }
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    public string? CrcStatus { get; init; }
}

public sealed record ChirpStackLocation(double Latitude, double Longitude);

public sealed record ChirpStackTxInfo
{
    public ulong Frequency { get; init; }
    public ChirpStackModulation? Modulation { get; init; }
}

public sealed record ChirpStackModulation(ChirpStackLoraModulation? Lora);

public sealed record ChirpStackLoraModulation(int Bandwidth, int SpreadingFactor, string CodeRate);
