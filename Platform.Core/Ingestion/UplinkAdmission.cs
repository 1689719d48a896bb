using System.Security.Cryptography;
using System.Text;
using Platform.Core.Devices;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Ingestion;

/// <summary>
/// Decides what becomes of one MQTT message: an uplink of exactly one registered device whose
/// network-server binding is the topic's, or a rejection with its reason. Used by the ingestion for
/// every message and by replays of rejected ones, so both apply the same rules.
/// </summary>
public sealed class UplinkAdmission(IDeviceRouteSource routes)
{
    public const string InternalErrorDetail =
        "The platform failed on this message (its logs have the error, under the message's trace). It is kept here to be replayed once that is fixed.";

    /// <summary>
    /// Throws only for a failure of the infrastructure (<see cref="InfrastructureFailure"/>), which
    /// the caller waits out. Any other exception is this message's own: it becomes its rejection as
    /// <see cref="UplinkRejectionReason.InternalError"/>, with the exception as the result's
    /// <see cref="UplinkAdmissionResult.Fault"/>, so that the messages behind it go on.
    /// </summary>
    public async ValueTask<UplinkAdmissionResult> AdmitAsync(string topic, ReadOnlyMemory<byte> message,
        DateTimeOffset receivedAt, string? traceParent, CancellationToken cancellationToken)
    {
        try
        {
            return await DecideAsync(topic, message, receivedAt, traceParent, cancellationToken);
        }
        catch (Exception exception) when (!InfrastructureFailure.Is(exception))
        {
            return Rejection(topic, message, receivedAt, traceParent, null, null, UplinkRejectionReason.InternalError, InternalErrorDetail)
                with { Fault = exception };
        }
    }

    private async ValueTask<UplinkAdmissionResult> DecideAsync(string topic, ReadOnlyMemory<byte> message,
        DateTimeOffset receivedAt, string? traceParent, CancellationToken cancellationToken)
    {
        var parsed = UplinkParser.Parse(topic, message.Span, receivedAt);
        if (parsed.Uplink is not { } uplink)
        {
            // A message of a registered device that fails to parse is that tenant's business: its
            // admins see it. ChirpStack names the DevEUI in the topic; TTS only its own device id.
            var owner = UplinkTopic.TryParse(topic, out var parsedTopic)
                && parsedTopic.Kind == NetworkServerKind.ChirpStack
                && DevEui.TryParse(parsedTopic.Device, out var topicDevEui)
                    ? Matching(await routes.FindAsync(topicDevEui, cancellationToken), parsedTopic.Kind, parsedTopic.ApplicationId)
                    : [];
            var route = owner.Count == 1 ? owner[0] : null;
            return Reject(route?.TenantId, route?.DeviceId, parsed.Reason!.Value, parsed.Detail!);
        }

        var registered = await routes.FindAsync(uplink.DevEui, cancellationToken);
        var matching = Matching(registered, uplink.Kind, uplink.ApplicationId);
        return (registered.Count, matching.Count) switch
        {
            (_, 1) => new UplinkAdmissionResult(
                new AdmittedUplink(matching[0].TenantId, matching[0].DeviceId, uplink, receivedAt, traceParent), null),
            (0, _) => Reject(null, null, UplinkRejectionReason.UnknownDevice,
                $"No device with DevEUI {uplink.DevEui} is registered."),
            (_, 0) => Reject(registered.Count == 1 ? registered[0].TenantId : null, registered.Count == 1 ? registered[0].DeviceId : null,
                UplinkRejectionReason.BindingMismatch,
                $"DevEUI {uplink.DevEui} is registered for another network-server application than {uplink.Kind} '{uplink.ApplicationId}'."),
            _ => Reject(null, null, UplinkRejectionReason.AmbiguousDevice,
                $"DevEUI {uplink.DevEui} with this binding is registered in {matching.Count} tenants."),
        };

        UplinkAdmissionResult Reject(Guid? tenantId, Guid? deviceId, UplinkRejectionReason reason, string detail) =>
            Rejection(topic, message, receivedAt, traceParent, tenantId, deviceId, reason, detail);
    }

    // Topic and detail are text columns: whatever they quote of the input must be storable.
    private static UplinkAdmissionResult Rejection(string topic, ReadOnlyMemory<byte> message, DateTimeOffset receivedAt,
        string? traceParent, Guid? tenantId, Guid? deviceId, UplinkRejectionReason reason, string detail) =>
        new(null, new UplinkRejection(RejectionId(topic, message.Span), tenantId, deviceId, StorableText.Of(topic, UplinkRejection.MaxTopicLength),
            message.Length > UplinkRejection.MaxStoredMessageBytes
                ? message[..UplinkRejection.MaxStoredMessageBytes].ToArray()
                : message.ToArray(),
            message.Length, reason, StorableText.Of(detail, UplinkRejection.MaxDetailLength), receivedAt, traceParent));

    private static List<DeviceRoute> Matching(IReadOnlyList<DeviceRoute> registered, NetworkServerKind kind, string applicationId) =>
        registered.Where(route => route.Binding.Kind == kind
            && string.Equals(route.Binding.ApplicationId, applicationId, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The same topic and bytes are the same rejection, however often the broker redelivers them.</summary>
    private static Guid RejectionId(string topic, ReadOnlySpan<byte> message)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(topic));
        hash.AppendData([0]);
        hash.AppendData(message);
        return new Guid(hash.GetHashAndReset().AsSpan(0, 16));
    }
}
