using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.NetworkServer;

[Collection(PlatformAppCollection.Name)]
public sealed class BrokerTests(PlatformAppFixture fixture)
{
    [Fact]
    public async Task AnonymousClientsAreRefused()
    {
        var broker = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt"))!);
        using var client = new MqttClientFactory().CreateMqttClient();
        var anonymous = broker with { Username = null, Password = null };

        var answer = await client.ConnectAsync(
            MqttClientOptionsFactory.Create(anonymous, "anonymous-" + Guid.NewGuid(), persistentSession: false),
            TestContext.Current.CancellationToken);

        Assert.Contains(answer.ResultCode, new[] { MqttClientConnectResultCode.NotAuthorized, MqttClientConnectResultCode.BadUserNameOrPassword });
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task SimulatorPublishesChirpStackUplinksOfSeveralDevicesWithTheNetworkServerCredentials()
    {
        // Read with the ingestion's account (the network server's may only publish), under a client id
        // of its own on the network server's listener, so the ingestion keeps its session.
        var broker = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt"))!) with
        {
            Username = fixture.GeneratedCredential("PLATFORM_MQTT_INGESTION_USERNAME"),
            Password = fixture.GeneratedCredential("PLATFORM_MQTT_INGESTION_PASSWORD"),
        };
        using var client = new MqttClientFactory().CreateMqttClient();
        var devices = new ConcurrentDictionary<string, uint>();
        client.ApplicationMessageReceivedAsync += message =>
        {
            var uplink = JsonSerializer.Deserialize(message.ApplicationMessage.Payload.FirstSpan,
                NetworkServerJsonContext.Default.ChirpStackUplinkEvent)!;
            Assert.Equal($"application/{uplink.DeviceInfo.ApplicationId}/device/{uplink.DeviceInfo.DevEui}/event/up",
                message.ApplicationMessage.Topic);
            devices[uplink.DeviceInfo.DevEui] = uplink.FCnt;
            return Task.CompletedTask;
        };
        await client.ConnectAsync(MqttClientOptionsFactory.Create(broker, "observer-" + Guid.NewGuid(), persistentSession: false),
            TestContext.Current.CancellationToken);
        await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter("application/+/device/+/event/up", MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestContext.Current.CancellationToken);

        // The simulator sends about one uplink a second, round-robin over its devices.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        while (devices.Count < 3 && !patience.IsCancellationRequested)
        {
            await Task.Delay(200, CancellationToken.None);
        }

        Assert.True(devices.Count >= 3, $"uplinks of {devices.Count} device(s) seen");
        Assert.All(devices.Values, frameCounter => Assert.True(frameCounter > 0));
    }
}
