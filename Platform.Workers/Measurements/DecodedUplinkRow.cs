using Platform.Workers.Decoding;

namespace Platform.Workers.Measurements;

/// <summary>A stored uplink's key, frame counter and decoding (null: its device has no decoder), as the decoded-value tables need them.</summary>
public sealed record DecodedUplinkRow(Guid DeviceId, DateTimeOffset Time, string DeduplicationKey, long FCnt, UplinkDecode? Decode);
