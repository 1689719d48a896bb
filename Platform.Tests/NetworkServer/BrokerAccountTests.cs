using MQTTnet;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ingestion;

namespace Platform.Tests.NetworkServer;

/// <summary>
/// The local broker's accounts, against the real Mosquitto: the network server only publishes
/// uplinks, the ingestion only reads them, and no account can name its client after the ingestion
/// to take over its persistent session.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class BrokerAccountTests(PlatformAppFixture fixture)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheNetworkServerAccountReceivesNoUplinksItSubscribesTo()
    {
        var networkServer = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt"))!);
        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.NewGuid(), TestTenantSeeder.RandomDevEui(), 1, [0x00], DateTimeOffset.UtcNow);
        using var eavesdropper = new MqttClientFactory().CreateMqttClient();
        var received = 0;
        eavesdropper.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        await eavesdropper.ConnectAsync(MqttClientOptionsFactory.Create(networkServer, "eavesdropper-" + Guid.NewGuid().ToString("N"), false), Ct);
        await eavesdropper.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), Ct);
        // A reader of the same topic that may read it: once it has the message, the broker has routed it.
        using var reader = await ConnectReaderAsync(topic);

        await using (var publisher = await NetworkServerClient.ConnectAsync(fixture))
        {
            await publisher.PublishAsync(topic, message);
        }

        Assert.True(await reader.ReceivedAsync(), "the ingestion's account never saw the uplink");
        await Task.Delay(Quiet, Ct);
        Assert.Equal(0, Volatile.Read(ref received));
    }

    [Fact]
    public async Task TheIngestionAccountCannotPublishAnUplink()
    {
        var ingestion = await IngestionAccountAsync();
        var (topic, message, _) = NetworkServerClient.ChirpStack(Guid.NewGuid(), TestTenantSeeder.RandomDevEui(), 1, [0x00], DateTimeOffset.UtcNow);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(MqttClientOptionsFactory.Create(ingestion, "forger-" + Guid.NewGuid().ToString("N"), false), Ct);

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(message)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), Ct);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }

    [Fact]
    public async Task NoOtherAccountCanConnectWithTheIngestionsClientIdAndTheIngestionStaysConnected()
    {
        var networkServer = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt"))!);
        var ingestionClientId = fixture.GeneratedCredential("PLATFORM_MQTT_INGESTION_USERNAME");
        var attempts = new List<(string Listener, MqttClientConnectResultCode Result)>();
        // As the broker sees it (no prefix), on the network server's listener and on the ingestion's.
        foreach (var (listener, broker) in new[]
                 {
                     ("network server's", networkServer with { ClientIdPrefix = null }),
                     ("ingestion's", await IngestionListenerAsync(networkServer) with { ClientIdPrefix = null }),
                 })
        {
            using var impostor = new MqttClientFactory().CreateMqttClient();
            var answer = await impostor.ConnectAsync(MqttClientOptionsFactory.Create(broker, ingestionClientId, persistentSession: false), Ct);
            attempts.Add((listener, answer.ResultCode));
        }

        var ingestion = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt-ingestion"))!);

        Assert.All(attempts, attempt => Assert.Equal(MqttClientConnectResultCode.NotAuthorized, attempt.Result));
        Assert.Equal(2, attempts.Count);
        // The ingestion's own listener names its client after its account: that is the id tried above.
        Assert.Equal(ingestionClientId, ingestion.Username);
        Assert.True(await IngestionStillSubscribedAsync(), "the ingestion lost its session");
    }

    /// <summary>The ingestion still stores uplinks: no impostor took over its session.</summary>
    private async Task<bool> IngestionStillSubscribedAsync()
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var application = Guid.NewGuid();
        var devEui = TestTenantSeeder.RandomDevEui();
        var device = await seeder.CreateDeviceAsync(tenant, await seeder.CreateOrganizationAsync(tenant), devEui,
            new Core.Devices.NetworkServerBinding(Core.Devices.NetworkServerKind.ChirpStack, application.ToString()));
        await using (var publisher = await NetworkServerClient.ConnectAsync(fixture))
        {
            var (topic, message, _) = NetworkServerClient.ChirpStack(application, devEui, 1, [0x01, 0x75, 0x10], DateTimeOffset.UtcNow);
            await publisher.PublishAsync(topic, message);
        }

        var stored = new StoredUplinks(fixture);
        return await StoredUplinks.EventuallyAsync(() => stored.CountAsync(device), count => count > 0) == 1;
    }

    /// <summary>The ingestion's account on the network server's listener, where it may pick a client id of its own.</summary>
    private async Task<MqttBrokerSettings> IngestionAccountAsync()
    {
        var networkServer = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt"))!);
        return networkServer with
        {
            Username = fixture.GeneratedCredential("PLATFORM_MQTT_INGESTION_USERNAME"),
            Password = fixture.GeneratedCredential("PLATFORM_MQTT_INGESTION_PASSWORD"),
        };
    }

    /// <summary>The network server's account on the ingestion's listener.</summary>
    private async Task<MqttBrokerSettings> IngestionListenerAsync(MqttBrokerSettings networkServer)
    {
        var ingestion = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt-ingestion"))!);
        return networkServer with { Port = ingestion.Port };
    }

    private async Task<UplinkReader> ConnectReaderAsync(string topic)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var reader = new UplinkReader(client);
        await client.ConnectAsync(MqttClientOptionsFactory.Create(await IngestionAccountAsync(), "reader-" + Guid.NewGuid().ToString("N"), false), Ct);
        await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), Ct);

        return reader;
    }

    private sealed class UplinkReader : IDisposable
    {
        private readonly IMqttClient _client;
        private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public UplinkReader(IMqttClient client)
        {
            _client = client;
            client.ApplicationMessageReceivedAsync += _ =>
            {
                _received.TrySetResult();
                return Task.CompletedTask;
            };
        }

        public async Task<bool> ReceivedAsync()
        {
            var finished = await Task.WhenAny(_received.Task, Task.Delay(StoredUplinks.Patience, Ct));
            return finished == _received.Task;
        }

        public void Dispose() => _client.Dispose();
    }
}
