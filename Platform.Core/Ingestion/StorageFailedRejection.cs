using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Core.Messaging;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Ingestion;

/// <summary>
/// An admitted uplink the database refused, as a rejection of the device's tenant: listed with the
/// others, and replayable once the cause is gone. The bus carries the parsed uplink, not the network
/// server's message, so the rejection keeps the parsed uplink (<see cref="RejectedMessageFormat.AdmittedUplink"/>)
/// and a replay publishes it again. The detail names the database's error class, never its text.
/// </summary>
public static class StorageFailedRejection
{
    /// <summary>Where the uplink was when it failed: the storage's queue, not an MQTT topic.</summary>
    public static string Topic => EventBusTopology.StoreUplinks.Name;

    public static UplinkRejection Of(AdmittedUplink uplink, string? sqlState)
    {
        var message = JsonSerializer.SerializeToUtf8Bytes(uplink, IngestionJsonContext.Default.AdmittedUplink);
        var stored = message.Length > UplinkRejection.MaxStoredMessageBytes ? message[..UplinkRejection.MaxStoredMessageBytes] : message;
        return new UplinkRejection(IdOf(uplink), uplink.TenantId, uplink.DeviceId, Topic, stored, message.Length,
            UplinkRejectionReason.StorageFailed, $"The database refused to store the uplink: {DatabaseErrorClass.Describe(sqlState)}.",
            uplink.ReceivedAt, uplink.TraceParent)
        {
            Format = RejectedMessageFormat.AdmittedUplink,
        };
    }

    /// <summary>The uplink a <see cref="RejectedMessageFormat.AdmittedUplink"/> rejection keeps; null when it is not one.</summary>
    public static AdmittedUplink? Read(byte[] message)
    {
        try
        {
            return JsonSerializer.Deserialize(message, IngestionJsonContext.Default.AdmittedUplink);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The uplink's stored key: however often the same uplink fails (redelivered, redriven, replayed),
    /// it is one rejection.
    /// </summary>
    private static Guid IdOf(AdmittedUplink uplink)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(
            $"storage-failed\0{uplink.TenantId:N}\0{uplink.DeviceId:N}\0{uplink.Uplink.NetworkTime.UtcTicks}\0{uplink.Uplink.DeduplicationKey}"));
        return new Guid(hash.GetHashAndReset().AsSpan(0, 16));
    }
}
