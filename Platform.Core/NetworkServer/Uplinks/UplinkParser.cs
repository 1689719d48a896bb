using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Platform.Core.Devices;
using Platform.Core.NetworkServer.ChirpStack;
using Platform.Core.NetworkServer.Tts;

namespace Platform.Core.NetworkServer.Uplinks;

/// <summary>
/// Turns an MQTT message of ChirpStack v4 or The Things Stack v3 into a <see cref="ParsedUplink"/>,
/// or says exactly why not. Never throws on input: every byte sequence gets an answer.
/// </summary>
public static class UplinkParser
{
    /// <summary>Far above any real uplink event (a few KiB even with many gateways).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>The largest LoRaWAN application payload (DR7, no repeater) is 242 bytes; 255 leaves room for none larger.</summary>
    public const int MaxPayloadBytes = 255;

    /// <summary>The stored deduplication key's limit: a TTS <c>as:up:</c> id is about 32 characters.</summary>
    public const int MaxDeduplicationKeyLength = 200;

    /// <summary>LoRaWAN 1.0 was published in 2015: no network server time is older.</summary>
    public static readonly DateTimeOffset EarliestNetworkTime = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far a network server's clock may run ahead of ours before its times are not believed.</summary>
    public static readonly TimeSpan MaxClockLead = TimeSpan.FromDays(1);

    // Duplicate keys are rejected: another reader of the stored message could take the first where we take the last.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <param name="receivedAt">When the platform received the message: the network time must not be far ahead of it.</param>
    public static UplinkParseResult Parse(string topic, ReadOnlySpan<byte> message, DateTimeOffset receivedAt)
    {
        if (!UplinkTopic.TryParse(topic, out var parsedTopic))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.UnknownTopic, "Not a ChirpStack v4 or TTS v3 uplink topic.");
        }

        if (message.Length > MaxMessageBytes)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.MessageTooLarge, $"{message.Length} bytes; at most {MaxMessageBytes}.");
        }

        // The JSON reader checks UTF-8 only in strings it decodes; bytes in members we skip would pass.
        if (!Utf8.IsValid(message))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.MalformedJson, "The message is not valid UTF-8.");
        }

        // Before the document: its duplicate check unescapes member names, and a lone surrogate there throws.
        if (UnstorableJsonText.Find(message) is { } unstorable)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField,
                $"{unstorable} holds a NUL character or a lone surrogate, which cannot be stored as text.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.MalformedJson, exception.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return UplinkParseResult.Rejected(UplinkRejectionReason.MalformedJson,
                    $"The message is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object.");
            }

            UplinkParseResult result;
            try
            {
                result = parsedTopic.Kind == NetworkServerKind.ChirpStack
                    ? FromChirpStack(parsedTopic, document.Deserialize(NetworkServerJsonContext.Default.ChirpStackUplinkEvent)!)
                    : FromTts(parsedTopic, document.Deserialize(TtsJsonContext.Default.TtsUplinkMessage)!);
            }
            catch (JsonException exception)
            {
                // Valid JSON of the wrong shape: a required member missing or of the wrong type.
                return ShapeProblem.Of(exception);
            }

            return result.Uplink is { } uplink ? CheckTime(uplink, receivedAt) : result;
        }
    }

    private static UplinkParseResult FromChirpStack(UplinkTopic topic, ChirpStackUplinkEvent uplink)
    {
        if (!DevEui.TryParse(uplink.DeviceInfo.DevEui, out var devEui))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField, "$.deviceInfo.devEui is not 16 hexadecimal characters.");
        }

        if (!DevEui.TryParse(topic.Device, out var topicDevEui) || topicDevEui != devEui
            || !string.Equals(topic.ApplicationId, uplink.DeviceInfo.ApplicationId.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.TopicMismatch, "The body's device or application is not the topic's.");
        }

        // The source-generated serializer leaves a missing collection null (it skips the initializer),
        // and ChirpStack writes every field: a missing rxInfo is a malformed message.
        if (uplink.RxInfo is null)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.MissingField, "$.rxInfo is missing.");
        }

        // The serializer does not check list entries against their nullability.
        if (uplink.RxInfo.Any(rx => rx is null))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField, "$.rxInfo has a null entry.");
        }

        return Finish(new Draft(NetworkServerKind.ChirpStack, uplink.DeviceInfo.ApplicationId.ToString(), devEui,
            uplink.DeduplicationId.ToString(), uplink.FCnt, uplink.FPort, uplink.Data, uplink.Time,
            uplink.RxInfo.Select(rx => new GatewayReception(rx.GatewayId, rx.Rssi, rx.Snr)).ToList()));
    }

    private static UplinkParseResult FromTts(UplinkTopic topic, TtsUplinkMessage message)
    {
        var ids = message.EndDeviceIds;
        if (ids.DevEui is null)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.MissingField, "$.end_device_ids.dev_eui is missing.");
        }

        if (!DevEui.TryParse(ids.DevEui, out var devEui))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField, "$.end_device_ids.dev_eui is not 16 hexadecimal characters.");
        }

        // The topic's application is "app" (open source) or "app@tenant" (TTI).
        var topicApplication = topic.ApplicationId.Split('@')[0];
        if (topicApplication != ids.ApplicationIds.ApplicationId || topic.Device != ids.DeviceId)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.TopicMismatch, "The body's device or application is not the topic's.");
        }

        // The Things Stack omits empty lists; the source-generated serializer leaves a missing one null.
        var correlationIds = message.CorrelationIds ?? [];
        var rxMetadata = message.UplinkMessage.RxMetadata ?? [];

        // The serializer does not check list entries against their nullability.
        if (correlationIds.Any(id => id is null))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField, "$.correlation_ids has a null entry.");
        }

        if (rxMetadata.Any(rx => rx is null))
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField, "$.uplink_message.rx_metadata has a null entry.");
        }

        var time = message.UplinkMessage.ReceivedAt ?? message.ReceivedAt;
        if (time is null)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.MissingField, "$.uplink_message.received_at (or $.received_at) is missing.");
        }

        var correlation = correlationIds.FirstOrDefault(id => id.StartsWith("as:up:", StringComparison.Ordinal));
        if (correlation?.Length > MaxDeduplicationKeyLength)
        {
            // It becomes part of the stored row's key: a longer one could never be stored.
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField,
                $"$.correlation_ids: the as:up: id is longer than {MaxDeduplicationKeyLength} characters.");
        }

        return Finish(new Draft(NetworkServerKind.TheThingsStack, topic.ApplicationId, devEui, correlation,
            message.UplinkMessage.FCnt, message.UplinkMessage.FPort, message.UplinkMessage.FrmPayload, time.Value,
            rxMetadata
                .Select(rx => new GatewayReception(rx.GatewayIds?.GatewayId ?? rx.GatewayIds?.Eui ?? "unknown", rx.Rssi, rx.Snr))
                .ToList()));
    }

    private static UplinkParseResult Finish(Draft draft)
    {
        byte[] payload;
        try
        {
            payload = draft.Base64Payload is null ? [] : Convert.FromBase64String(draft.Base64Payload);
        }
        catch (FormatException)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.BadBase64, $"{PayloadPath(draft.Kind)} is not valid base64.");
        }

        if (payload.Length > MaxPayloadBytes)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.PayloadTooLarge, $"{payload.Length} payload bytes; at most {MaxPayloadBytes}.");
        }

        if (draft.FPort is < 0 or > 255)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.InvalidField,
                draft.Kind == NetworkServerKind.ChirpStack ? "$.fPort is outside 0–255." : "$.uplink_message.f_port is outside 0–255.");
        }

        // Microseconds, as PostgreSQL stores them: the time is part of the stored row's identity, so a
        // redelivery must produce exactly the value already stored (ChirpStack sends nanoseconds).
        var time = new DateTimeOffset(draft.Time.UtcTicks - draft.Time.UtcTicks % 10, TimeSpan.Zero);
        var key = draft.DeduplicationKey ?? FallbackKey(draft.DevEui, draft.FCnt, time);
        return UplinkParseResult.Accepted(new ParsedUplink(draft.Kind, draft.ApplicationId, draft.DevEui, key, draft.FCnt,
            draft.FPort, payload, time, draft.Gateways));
    }

    /// <summary>
    /// A time the platform cannot believe would misplace the uplink in every series it belongs to, and
    /// a far-future one would stay the "latest" reading until that day.
    /// </summary>
    private static UplinkParseResult CheckTime(ParsedUplink uplink, DateTimeOffset receivedAt)
    {
        // A difference of two DateTimeOffsets cannot overflow, unlike receivedAt + MaxClockLead.
        if (uplink.NetworkTime < EarliestNetworkTime || uplink.NetworkTime - receivedAt > MaxClockLead)
        {
            return UplinkParseResult.Rejected(UplinkRejectionReason.TimeOutOfRange,
                $"Network time {uplink.NetworkTime:O} is before {EarliestNetworkTime:yyyy-MM-dd} or more than {MaxClockLead.TotalHours} h after receipt ({receivedAt.ToUniversalTime():O}).");
        }

        return UplinkParseResult.Accepted(uplink);
    }

    private static string PayloadPath(NetworkServerKind kind) =>
        kind == NetworkServerKind.ChirpStack ? "$.data" : "$.uplink_message.frm_payload";

    /// <summary>Without the network server's own id: the same device, counter and time is the same uplink.</summary>
    private static string FallbackKey(DevEui devEui, uint fCnt, DateTimeOffset time) =>
        "hash:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{devEui}|{fCnt}|{time.UtcTicks}")));

    private sealed record Draft(NetworkServerKind Kind, string ApplicationId, DevEui DevEui, string? DeduplicationKey,
        uint FCnt, int FPort, string? Base64Payload, DateTimeOffset Time, IReadOnlyList<GatewayReception> Gateways);
}
