namespace Platform.Core.Decoding;

/// <summary>
/// What a decoder gets for one uplink: the TTN/ChirpStack <c>decodeUplink(input)</c> contract's
/// <c>{bytes, fPort, recvTime, variables}</c> (scripts written for The Things Stack ignore variables).
/// </summary>
public sealed record DecodeInput(
    byte[] Bytes,
    int FPort,
    DateTimeOffset RecvTime,
    IReadOnlyDictionary<string, string>? Variables = null);
