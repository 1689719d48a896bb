using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Ingestion;

/// <summary>
/// Plays the network server: publishes uplinks to the stack's broker with its credentials, QoS 1,
/// and builds them from the recorded ChirpStack v4 / TTS v3 messages of ../shared/data/uplinks.
/// </summary>
public sealed class NetworkServerClient : IAsyncDisposable
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "SharedData", "uplinks");

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    private NetworkServerClient()
    {
    }

    public static async Task<NetworkServerClient> ConnectAsync(PlatformAppFixture fixture)
    {
        var broker = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt"))!);
        var client = new NetworkServerClient();
        var result = await client._client.ConnectAsync(
            MqttClientOptionsFactory.Create(broker, "test-network-server-" + Guid.NewGuid().ToString("N"), persistentSession: false),
            TestContext.Current.CancellationToken);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    public async Task PublishAsync(string topic, byte[] message)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(message)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, $"The broker refused the publish: {result.ReasonCode}");
    }

    /// <summary>The recorded ChirpStack uplink, re-addressed to a device and given its own dedup id.</summary>
    public static (string Topic, byte[] Message, Guid DeduplicationId) ChirpStack(Guid applicationId, string devEui, uint fCnt,
        byte[] payload, DateTimeOffset time)
    {
        var message = JsonNode.Parse(File.ReadAllText(Path.Combine(Recorded, "chirpstack-v4-up.json")))!;
        var deduplicationId = Guid.NewGuid();
        message["deduplicationId"] = deduplicationId.ToString();
        message["time"] = time.ToString("O");
        message["deviceInfo"]!["applicationId"] = applicationId.ToString();
        message["deviceInfo"]!["devEui"] = devEui;
        message["fCnt"] = fCnt;
        message["data"] = Convert.ToBase64String(payload);
        return ($"application/{applicationId}/device/{devEui}/event/up", Bytes(message), deduplicationId);
    }

    /// <summary>The recorded TTS uplink, re-addressed to a device and given its own correlation id.</summary>
    public static (string Topic, byte[] Message, string CorrelationId) Tts(string applicationId, string deviceId, string devEui, uint fCnt,
        byte[] payload, DateTimeOffset time)
    {
        var message = JsonNode.Parse(File.ReadAllText(Path.Combine(Recorded, "tts-v3-up.json")))!;
        var correlationId = "as:up:" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        message["correlation_ids"] = new JsonArray(correlationId, "rpc:/ttn.lorawan.v3.AppAs/Up:" + Guid.NewGuid());
        var ids = message["end_device_ids"]!;
        ids["device_id"] = deviceId;
        ids["application_ids"]!["application_id"] = applicationId.Split('@')[0];
        ids["dev_eui"] = devEui.ToUpperInvariant();
        message["received_at"] = time.ToString("O");
        var uplink = message["uplink_message"]!;
        uplink["f_cnt"] = fCnt;
        uplink["frm_payload"] = Convert.ToBase64String(payload);
        uplink["received_at"] = time.ToString("O");
        return ($"v3/{applicationId}/devices/{deviceId}/up", Bytes(message), correlationId);
    }

    private static byte[] Bytes(JsonNode message) => System.Text.Encoding.UTF8.GetBytes(message.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
