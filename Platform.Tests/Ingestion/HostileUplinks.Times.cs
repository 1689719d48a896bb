using System.Globalization;
using Reason = Platform.Core.NetworkServer.Uplinks.UplinkRejectionReason;

namespace Platform.Tests.Ingestion;

public static partial class HostileUplinks
{
    // Network times from before LoRaWAN existed or more than a day ahead of receipt.
    private static IEnumerable<HostileUplink> Times(Recorded r)
    {
        yield return r.ChirpStack("time is the Unix epoch", Reason.TimeOutOfRange, j => j["time"] = "1970-01-01T00:00:00+00:00");
        yield return r.ChirpStack("time is Go's zero time", Reason.TimeOutOfRange, j => j["time"] = "0001-01-01T00:00:00Z");
        yield return r.ChirpStack("time is the last second of 2014", Reason.TimeOutOfRange, j => j["time"] = "2014-12-31T23:59:59Z");
        yield return r.ChirpStack("time is next week", Reason.TimeOutOfRange, j => j["time"] = Recorded.Iso(r.Now.AddDays(7)));
        yield return r.ChirpStack("time is a day and a minute ahead, in another offset", Reason.TimeOutOfRange,
            j => j["time"] = r.Now.AddDays(1).AddMinutes(1).ToOffset(TimeSpan.FromHours(-5)).ToString("O", CultureInfo.InvariantCulture));
        yield return r.Tts("uplink_message.received_at is the Unix epoch", Reason.TimeOutOfRange,
            j => j["uplink_message"]!["received_at"] = "1970-01-01T00:00:00Z");
        yield return r.Tts("uplink_message.received_at is next week", Reason.TimeOutOfRange,
            j => j["uplink_message"]!["received_at"] = Recorded.Iso(r.Now.AddDays(7)));
        yield return r.Tts("only received_at, in 2014", Reason.TimeOutOfRange, j =>
        {
            j["uplink_message"]!.AsObject().Remove("received_at");
            j["received_at"] = "2014-06-30T12:00:00Z";
        });
        yield return r.Tts("only received_at, a year ahead", Reason.TimeOutOfRange, j =>
        {
            j["uplink_message"]!.AsObject().Remove("received_at");
            j["received_at"] = Recorded.Iso(r.Now.AddYears(1));
        });
    }
}
