using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using Platform.Core.Ingestion;
using Platform.Core.Messaging;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Workers.Decoding;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Workers.Storage;

/// <summary>
/// Consumes <c>uplinks.store</c> and writes each delivery's uplinks and rejections to PostgreSQL.
/// Deliveries waiting at the same time are written together in one transaction, and acknowledged
/// (all at once, up to the last) only after the commit: a crash or a database outage loses nothing,
/// the broker redelivers and the idempotent write absorbs the repeat. A batch the database refuses
/// is dead-lettered, and what it holds is stored as rejections first (<see cref="RescueAsync"/>), so
/// nothing is dead-lettered unseen. A message that is not a batch at all is rejected to the
/// dead-letter queue with the reason logged.
/// </summary>
public sealed partial class UplinkStorageService(
    IConnection connection,
    UplinkDecoding decoding,
    UplinkStoreWriter writer,
    StorageMetrics metrics,
    TimeProvider time,
    ILogger<UplinkStorageService> logger) : BackgroundService
{
    public const string ActivitySourceName = "Platform.Workers.Storage";

    /// <summary>Deliveries in flight from the broker; with ~100 uplinks each, several writes' worth.</summary>
    private const ushort Prefetch = 64;

    /// <summary>Uplinks per transaction at most: large enough to amortise the commit, small enough to keep latency low.</summary>
    private const int MaxUplinksPerWrite = 2_000;

    private static readonly ActivitySource Tracing = new(ActivitySourceName);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogConsumerFailed(logger, exception, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await EventBusTopology.DeclareWorkQueueAsync(channel, EventBusTopology.StoreUplinks, stoppingToken);
        await channel.BasicQosAsync(0, Prefetch, global: false, stoppingToken);

        var deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, message) =>
        {
            UplinkBatch? batch = null;
            string? problem = null;
            try
            {
                batch = JsonSerializer.Deserialize(message.Body.Span, IngestionJsonContext.Default.UplinkBatch);
            }
            catch (JsonException exception)
            {
                problem = exception.Message;
            }

            if (batch is null)
            {
                LogUnreadableMessage(logger, message.BasicProperties.MessageId, problem ?? "empty message");
                await channel.BasicRejectAsync(message.DeliveryTag, requeue: false, stoppingToken);
                metrics.DeadLettered();
                return;
            }

            deliveries.Writer.TryWrite(new Delivery(message.DeliveryTag, batch));
        };
        var consumerTag = await channel.BasicConsumeAsync(EventBusTopology.StoreUplinks.Name, autoAck: false, consumer, stoppingToken);
        LogConsuming(logger, EventBusTopology.StoreUplinks.Name);

        try
        {
            while (await deliveries.Reader.WaitToReadAsync(stoppingToken))
            {
                var taken = Take(deliveries.Reader);
                var failure = await StoreAsync(taken, stoppingToken);
                if (failure is null)
                {
                    EnsureOpen(channel);
                    await channel.BasicAckAsync(taken[^1].Tag, multiple: true, stoppingToken);
                    continue;
                }

                // One of them can never be stored: store them one at a time, and dead-letter that one
                // instead of letting it hold up every uplink behind it.
                foreach (var delivery in taken)
                {
                    var own = taken.Count > 1 ? await StoreAsync([delivery], stoppingToken) : failure;
                    if (own is not null)
                    {
                        await RescueAsync(delivery.Batch, own, stoppingToken);
                    }

                    EnsureOpen(channel);
                    if (own is null)
                    {
                        await channel.BasicAckAsync(delivery.Tag, multiple: false, stoppingToken);
                    }
                    else
                    {
                        // The original stays in the dead-letter queue, counted by the health check and a metric,
                        // until a platform admin redrives it.
                        await channel.BasicRejectAsync(delivery.Tag, requeue: false, stoppingToken);
                        metrics.DeadLettered();
                    }
                }
            }
        }
        finally
        {
            if (channel.IsOpen)
            {
                await channel.BasicCancelAsync(consumerTag, cancellationToken: CancellationToken.None);
            }
        }
    }

    private static List<Delivery> Take(ChannelReader<Delivery> reader)
    {
        var taken = new List<Delivery>();
        var uplinks = 0;
        while (uplinks < MaxUplinksPerWrite && reader.TryRead(out var delivery))
        {
            taken.Add(delivery);
            uplinks += delivery.Batch.Count;
        }

        return taken;
    }

    /// <summary>
    /// Writes the deliveries, retrying for as long as the failure is the database's (unavailable,
    /// restarting, overloaded). Returns the refusal when the data itself can never be stored (a value
    /// the schema refuses); the caller then dead-letters it. Null once stored.
    /// </summary>
    private async Task<PostgresException?> StoreAsync(List<Delivery> taken, CancellationToken stoppingToken)
    {
        var uplinks = taken.SelectMany(delivery => delivery.Batch.Uplinks).ToList();
        var rejections = taken.SelectMany(delivery => delivery.Batch.Rejections).ToList();
        var delay = TimeSpan.FromMilliseconds(200);
        UplinkDecode?[]? decodes = null;
        while (true)
        {
            var started = time.GetUtcNow();
            try
            {
                // Decoded once: a retried write stores the same decoding (and counts no limit twice).
                decodes ??= await decoding.DecodeAsync(uplinks, stoppingToken);
                var result = await writer.WriteAsync(uplinks, decodes, rejections, stoppingToken);
                var committed = time.GetUtcNow();
                metrics.Stored(result.UplinksStored, uplinks.Count - result.UplinksStored, result.RejectionsStored);
                for (var index = 0; index < uplinks.Count; index++)
                {
                    metrics.Lag(committed - uplinks[index].ReceivedAt);
                    TraceStored(uplinks[index].TraceParent, started, committed, uplinks[index], decodes[index]);
                }

                return null;
            }
            catch (PostgresException exception) when (PostgresErrors.IsPermanent(exception))
            {
                // Only the error's class and code: the database's text can quote the refused values.
                LogUnstorable(logger, taken.Count, DatabaseErrorClass.Describe(exception.SqlState));
                return exception;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Kept in hand, unacknowledged, until the database takes them.
                LogWriteFailed(logger, exception, uplinks.Count + rejections.Count, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// Makes an unstorable batch visible before it is dead-lettered: each of its uplinks and
    /// rejections is written alone, and each uplink the database still refuses becomes a
    /// <see cref="UplinkRejectionReason.StorageFailed"/> rejection of its device's tenant, which lists
    /// it and can replay it once the cause is gone. A rejection the database refuses cannot be kept
    /// as another rejection: it is counted and stays in the dead-letter queue only.
    /// </summary>
    private async Task RescueAsync(UplinkBatch batch, PostgresException failure, CancellationToken stoppingToken)
    {
        var refused = new List<UplinkRejection>();
        foreach (var uplink in batch.Uplinks)
        {
            var own = batch.Count > 1 ? await StoreAsync([new Delivery(0, new UplinkBatch([uplink], []))], stoppingToken) : failure;
            if (own is not null)
            {
                refused.Add(StorageFailedRejection.Of(uplink, own.SqlState));
            }
        }

        foreach (var rejection in batch.Rejections)
        {
            if (await StoreAsync([new Delivery(0, new UplinkBatch([], [rejection]))], stoppingToken) is not null)
            {
                metrics.RejectionUnstorable();
            }
        }

        if (refused.Count == 0)
        {
            return;
        }

        if (await StoreAsync([new Delivery(0, new UplinkBatch([], refused))], stoppingToken) is { } lost)
        {
            LogRescueFailed(logger, refused.Count, DatabaseErrorClass.Describe(lost.SqlState));
            return;
        }

        metrics.StorageFailed(refused.Count);
        LogRescued(logger, refused.Count);
    }

    private static void EnsureOpen(IChannel channel)
    {
        if (!channel.IsOpen)
        {
            // The broker redelivers what this channel had not acknowledged.
            throw new InvalidOperationException("The channel closed; consuming again.");
        }
    }

    /// <summary>Closes each uplink's own trace with the write that stored it.</summary>
    private static void TraceStored(string? traceParent, DateTimeOffset started, DateTimeOffset committed, AdmittedUplink uplink,
        UplinkDecode? decode)
    {
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, out var parent))
        {
            return;
        }

        using var activity = Tracing.StartActivity("uplink store", ActivityKind.Internal, parent, startTime: started);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("lorawan.dev_eui", uplink.Uplink.DevEui.Value);
        activity.SetTag("lorawan.f_cnt", uplink.Uplink.FCnt);
        activity.SetTag("platform.tenant_id", uplink.TenantId.ToString());
        if (decode is not null)
        {
            activity.SetTag("platform.decoder_version_id", decode.VersionId.ToString());
            activity.SetTag("platform.decode.outcome", decode.Outcome.ToString());
        }
        activity.SetEndTime(committed.UtcDateTime);
    }

    private sealed record Delivery(ulong Tag, UplinkBatch Batch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storing uplinks from queue {Queue}")]
    private static partial void LogConsuming(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consuming uplinks failed; starting again in {Delay}")]
    private static partial void LogConsumerFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} uplink(s)/rejection(s) failed; they stay unacknowledged and are retried in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} uplink batch(es) cannot be stored ({Problem}); written one by one, the unstorable one is dead-lettered")]
    private static partial void LogUnstorable(ILogger logger, int count, string problem);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} uplink(s) the database refused are stored as StorageFailed rejections of their tenants; the batch is dead-lettered")]
    private static partial void LogRescued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Count} uplink(s) the database refused could not be stored as rejections either ({Problem}); they are only in the dead-letter queue")]
    private static partial void LogRescueFailed(ILogger logger, int count, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on the uplink queue is not an uplink batch ({Problem}); dead-lettered")]
    private static partial void LogUnreadableMessage(ILogger logger, string? messageId, string problem);
}
