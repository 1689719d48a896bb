namespace Platform.Core.NetworkServer.Uplinks;

/// <summary>Either an uplink or the reason there is none (with a detail a tenant admin can act on).</summary>
public sealed record UplinkParseResult(ParsedUplink? Uplink, UplinkRejectionReason? Reason, string? Detail)
{
    public static UplinkParseResult Accepted(ParsedUplink uplink) => new(uplink, null, null);

    /// <param name="detail">May quote the message: made storable (see <see cref="StorableText"/>).</param>
    public static UplinkParseResult Rejected(UplinkRejectionReason reason, string detail) => new(null, reason, StorableText.Of(detail));
}
