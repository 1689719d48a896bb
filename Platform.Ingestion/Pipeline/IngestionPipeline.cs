using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Platform.Core.Ingestion;
using Platform.Ingestion.Mqtt;

namespace Platform.Ingestion.Pipeline;

/// <summary>
/// From MQTT message to RabbitMQ and back: admits each message (uplink of a registered device or a
/// rejection with its reason), gathers consecutive messages into one <see cref="UplinkBatch"/>,
/// publishes it with a confirm, and only after the confirm acknowledges its MQTT messages, in the
/// order they arrived. Several batches are in flight at once; while they are, the next batch fills,
/// so batches grow with the load and stay small (low latency) when it is light.
/// </summary>
public sealed partial class IngestionPipeline(
    UplinkAdmission admission,
    UplinkBatchPublisher publisher,
    IngestionMetrics metrics,
    IngestionProgress progress,
    IOptions<IngestionOptions> options,
    ILogger<IngestionPipeline> logger) : BackgroundService
{
    public const string ActivitySourceName = "Platform.Ingestion";

    private static readonly ActivitySource Tracing = new(ActivitySourceName);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly IngestionOptions _options = options.Value;

    private readonly Channel<ReceivedMessage> _received = Channel.CreateBounded<ReceivedMessage>(
        new BoundedChannelOptions(options.Value.MaxMessagesBuffered) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Channel<InFlightBatch> _inFlight = Channel.CreateBounded<InFlightBatch>(
        new BoundedChannelOptions(options.Value.MaxBatchesInFlight) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Waits when the pipeline is full, which slows the MQTT client and lets the broker hold the rest.</summary>
    public ValueTask EnqueueAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        progress.Received();
        return _received.Writer.WriteAsync(message, cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(BatchAsync(stoppingToken), AcknowledgeAsync(stoppingToken));

    private async Task BatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _received.Reader.WaitToReadAsync(stoppingToken))
            {
                var messages = new List<ReceivedMessage>();
                var uplinks = new List<AdmittedUplink>();
                var rejections = new List<UplinkRejection>();
                while (messages.Count < _options.MaxBatchSize && _received.Reader.TryRead(out var message))
                {
                    var result = await AdmitAsync(message, stoppingToken);
                    messages.Add(message);
                    if (result.Admitted is { } uplink)
                    {
                        uplinks.Add(uplink);
                    }
                    else
                    {
                        rejections.Add(result.Rejection!);
                    }
                }

                var publishing = PublishUntilConfirmedAsync(new UplinkBatch(uplinks, rejections), stoppingToken);
                await _inFlight.Writer.WriteAsync(new InFlightBatch(messages, publishing), stoppingToken);
            }
        }
        finally
        {
            _inFlight.Writer.TryComplete();
        }
    }

    private async Task<UplinkAdmissionResult> AdmitAsync(ReceivedMessage message, CancellationToken stoppingToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = Tracing.StartActivity("uplink receive", ActivityKind.Consumer, parent, startTime: message.ReceivedAt);
        activity?.SetTag("messaging.system", "mqtt");
        activity?.SetTag("messaging.destination.name", message.Topic);
        metrics.Received();

        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                var result = await admission.AdmitAsync(message.Topic, message.Payload, message.ReceivedAt,
                    activity?.Id ?? message.TraceParent, stoppingToken);
                if (result.Rejection is { } rejection)
                {
                    metrics.Rejected(rejection.Reason);
                    activity?.SetTag("platform.uplink.rejected", rejection.Reason.ToString());
                    if (result.Fault is { } fault)
                    {
                        activity?.SetStatus(ActivityStatusCode.Error);
                        LogInternalError(logger, fault, message.Topic);
                    }
                    else if (result.IsSecurityEvent)
                    {
                        LogSecurityEvent(logger, rejection.Reason.ToString(), message.Topic, rejection.Detail);
                    }
                    else
                    {
                        LogRejected(logger, rejection.Reason.ToString(), message.Topic, rejection.Detail);
                    }
                }
                else
                {
                    metrics.Accepted();
                    activity?.SetTag("platform.tenant_id", result.Admitted!.TenantId.ToString());
                    activity?.SetTag("lorawan.dev_eui", result.Admitted!.Uplink.DevEui.Value);
                }

                return result;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Only the infrastructure's failures get here (the admission makes any other a rejection of
                // this message). The device lookup needs the database; until it answers, the broker keeps the messages.
                LogAdmissionFailed(logger, exception, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task PublishUntilConfirmedAsync(UplinkBatch batch, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await publisher.PublishAsync(batch, stoppingToken);
                metrics.Published(batch.Count);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPublishFailed(logger, exception, batch.Count, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task AcknowledgeAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in _inFlight.Reader.ReadAllAsync(stoppingToken))
        {
            await batch.Publishing;
            var acknowledged = 0;
            foreach (var message in batch.Messages)
            {
                try
                {
                    await message.Acknowledge(stoppingToken);
                    acknowledged++;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The connection that delivered it is gone: the broker delivers it again to this
                    // session, and the storage's deduplication absorbs the repeat.
                    LogAcknowledgeFailed(logger, exception.Message);
                }
            }

            metrics.Acknowledged(acknowledged);
            progress.Handled(batch.Messages.Count, acknowledged);
        }
    }

    private sealed record InFlightBatch(List<ReceivedMessage> Messages, Task Publishing);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Security event: uplink on {Topic} rejected as {Reason}: {Detail}")]
    private static partial void LogSecurityEvent(ILogger logger, string reason, string topic, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uplink on {Topic} rejected as {Reason}: {Detail}")]
    private static partial void LogRejected(ILogger logger, string reason, string topic, string detail);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Uplink on {Topic} failed with an internal error; stored as a rejection (InternalError) and the pipeline goes on")]
    private static partial void LogInternalError(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resolving an uplink's device failed; retrying in {Delay}")]
    private static partial void LogAdmissionFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "An acknowledgement could not be sent ({Problem}); the broker will redeliver")]
    private static partial void LogAcknowledgeFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} message(s) to the event bus failed; they stay unacknowledged and are retried in {Delay}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count, TimeSpan delay);
}
