using Reason = Platform.Core.NetworkServer.Uplinks.UplinkRejectionReason;

namespace Platform.Tests.Ingestion;

public static partial class HostileUplinks
{
    // Application payloads that are not base64, or larger than any LoRaWAN frame can carry.
    private static IEnumerable<HostileUplink> Payloads(Recorded r)
    {
        yield return r.ChirpStack("data with characters outside base64", Reason.BadBase64, j => j["data"] = "not base64!");
        yield return r.ChirpStack("data with its padding cut short", Reason.BadBase64, j => j["data"] = "AXVkA2cQAQRoSg=");
        yield return r.ChirpStack("data of a single character", Reason.BadBase64, j => j["data"] = "A");
        yield return r.ChirpStack("data in the URL-safe alphabet", Reason.BadBase64, j => j["data"] = "--__AXVk");
        yield return r.Tts("frm_payload with padding in the middle", Reason.BadBase64, j => j["uplink_message"]!["frm_payload"] = "AX==VaA2fyAARoXA==");
        yield return r.Tts("frm_payload with one '=' too many", Reason.BadBase64, j => j["uplink_message"]!["frm_payload"] = "AXVaA2fyAARoXA===");
        yield return r.Tts("frm_payload with non-ASCII characters", Reason.BadBase64, j => j["uplink_message"]!["frm_payload"] = "AXVaA2fy€ARoXA==");
        yield return r.Tts("frm_payload as a data URI", Reason.BadBase64,
            j => j["uplink_message"]!["frm_payload"] = "data:application/octet-stream;base64,AXVaA2fyAARoXA==");

        yield return r.ChirpStack("256-byte payload, one over the limit", Reason.PayloadTooLarge, j => j["data"] = Convert.ToBase64String(new byte[256]));
        yield return r.ChirpStack("30 000-byte payload, within the message limit", Reason.PayloadTooLarge,
            j => j["data"] = Convert.ToBase64String(RandomBytes(30_000, seed: 3)));
        yield return r.Tts("300-byte frm_payload", Reason.PayloadTooLarge, j => j["uplink_message"]!["frm_payload"] = Convert.ToBase64String(RandomBytes(300, seed: 4)));
    }
}
