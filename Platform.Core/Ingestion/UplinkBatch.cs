using System.Text.Json.Serialization;

namespace Platform.Core.Ingestion;

/// <summary>
/// The <c>uplink.received</c> message: the uplinks and rejections of consecutive MQTT messages,
/// published together because one RabbitMQ message per uplink caps throughput at the queue's
/// per-message cost (one message carrying ~100 uplinks moves far more than 100 messages of one).
/// </summary>
public sealed record UplinkBatch(IReadOnlyList<AdmittedUplink> Uplinks, IReadOnlyList<UplinkRejection> Rejections)
{
    [JsonIgnore]
    public int Count => Uplinks.Count + Rejections.Count;
}
