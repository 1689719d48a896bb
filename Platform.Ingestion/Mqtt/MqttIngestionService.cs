using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;
using Platform.Ingestion.Pipeline;
using System.Buffers;

namespace Platform.Ingestion.Mqtt;

/// <summary>
/// Holds a persistent MQTT 5 session with the network server's broker and a QoS 1 shared
/// subscription to its uplink topics, reconnecting with backoff. Every message goes to the
/// <see cref="IngestionPipeline"/> unacknowledged; the pipeline acknowledges it once RabbitMQ has
/// confirmed it. Until then the broker keeps it for this session, across our restarts and its own.
/// </summary>
public sealed partial class MqttIngestionService(
    MqttBrokerSettings broker,
    IOptions<IngestionOptions> options,
    IngestionPipeline pipeline,
    TimeProvider time,
    ILogger<MqttIngestionService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);

    private readonly IngestionOptions _options = options.Value;
    private volatile bool _subscribed;

    // Counts connections: a PUBACK is only meaningful on the connection that delivered the message.
    // After a reconnect the broker resends what was not acknowledged, so a stale message is left alone.
    private int _connection;

    // A handler waiting for room in the pipeline gives up when the service stops: the message stays
    // unacknowledged with the broker.
    private CancellationToken _stopping;

    public bool IsSubscribed => _subscribed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        client.DisconnectedAsync += args =>
        {
            _subscribed = false;
            Interlocked.Increment(ref _connection);
            if (args.ClientWasConnected)
            {
                LogDisconnected(logger, args.Reason.ToString());
            }

            return Task.CompletedTask;
        };

        var clientOptions = MqttClientOptionsFactory.Create(broker, _options.ClientId, persistentSession: true);
        clientOptions.ReceiveMaximum = _options.ReceiveMaximum;
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAndSubscribeAsync(client, clientOptions, stoppingToken);
                    delay = TimeSpan.FromSeconds(1);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogConnectFailed(logger, exception, broker.ToString(), delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }

            try
            {
                await Task.Delay(client.IsConnected ? TimeSpan.FromSeconds(1) : delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (client.IsConnected)
        {
            // A normal disconnect keeps the session: unacknowledged messages wait for the next start.
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
        }
    }

    private async Task ConnectAndSubscribeAsync(IMqttClient client, MqttClientOptions clientOptions, CancellationToken cancellationToken)
    {
        var connected = await client.ConnectAsync(clientOptions, cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"The broker refused the connection: {connected.ResultCode}.");
        }

        // The session keeps its subscriptions, but subscribing again is idempotent and also applies
        // topics added to the configuration since the session was created. A session made under the
        // other subscription mode (shared or not) would receive every uplink twice: drop those first.
        var unsubscribe = new MqttClientFactory().CreateUnsubscribeOptionsBuilder();
        foreach (var topic in _options.Topics)
        {
            unsubscribe.WithTopicFilter(_options.FilterFor(topic, shared: !_options.IsShared));
        }

        await client.UnsubscribeAsync(unsubscribe.Build(), cancellationToken);

        var subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder();
        foreach (var topic in _options.Topics)
        {
            subscribe.WithTopicFilter(filter => filter
                .WithTopic(_options.FilterFor(topic, _options.IsShared))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        var result = await client.SubscribeAsync(subscribe.Build(), cancellationToken);
        var refused = result.Items.Where(item => item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException("The broker refused the subscription(s): " +
                string.Join(", ", refused.Select(item => $"{item.TopicFilter.Topic} ({item.ResultCode})")));
        }

        _subscribed = true;
        LogSubscribed(logger, broker.ToString(), connected.IsSessionPresent, _options.Topics.Count,
            _options.IsShared ? $"shared group {_options.SharedSubscriptionGroup}" : "not shared");
    }

    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs message)
    {
        // Must be set before the handler returns, or MQTTnet acknowledges on its own.
        message.AutoAcknowledge = false;
        var connection = Volatile.Read(ref _connection);
        var application = message.ApplicationMessage;
        var traceParent = application.UserProperties?.FirstOrDefault(property => property.Name == "traceparent")?.ReadValueAsString();
        await pipeline.EnqueueAsync(new ReceivedMessage(
            application.Topic,
            // Copied: the client reuses its receive buffers once the handler returns.
            application.Payload.ToArray(),
            time.GetUtcNow(),
            traceParent,
            cancellationToken => connection == Volatile.Read(ref _connection)
                ? message.AcknowledgeAsync(cancellationToken)
                : Task.CompletedTask), _stopping);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Subscribed at {Broker} (session resumed: {SessionPresent}) to {TopicCount} uplink topic(s), {Subscription}")]
    private static partial void LogSubscribed(ILogger logger, string broker, bool sessionPresent, int topicCount, string subscription);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting to {Broker} failed; retrying in {Delay}")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, string broker, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnected from the broker: {Reason}")]
    private static partial void LogDisconnected(ILogger logger, string reason);
}
