using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Ingestion;

/// <summary>
/// A network server that keeps publishing uplinks of a set of devices at a steady rate, and does
/// what a real one does when the broker goes away: reconnects and sends again what was not
/// acknowledged. It records the deduplication id of every uplink the broker acknowledged.
/// </summary>
public sealed class UplinkStream : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly Guid _applicationId;
    private readonly IReadOnlyList<string> _devEuis;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private Task _publishing = Task.CompletedTask;

    private UplinkStream(MqttClientOptions options, Guid applicationId, IReadOnlyList<string> devEuis, double perSecond)
    {
        _options = options;
        _applicationId = applicationId;
        _devEuis = devEuis;
        _interval = TimeSpan.FromSeconds(1 / perSecond);
    }

    /// <summary>Deduplication id of every uplink the broker acknowledged, with when it was published.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Acknowledged { get; } = new();

    public int Retries { get; private set; }

    public static async Task<UplinkStream> StartAsync(PlatformAppFixture fixture, Guid applicationId, IReadOnlyList<string> devEuis, double perSecond)
    {
        var broker = MqttBrokerSettings.Parse((await fixture.ConnectionStringAsync("mqtt"))!);
        var stream = new UplinkStream(
            MqttClientOptionsFactory.Create(broker, "test-stream-" + Guid.NewGuid().ToString("N"), persistentSession: false),
            applicationId, devEuis, perSecond);
        stream._publishing = Task.Run(stream.PublishAsync);
        return stream;
    }

    /// <summary>Stops publishing; every uplink published so far has been acknowledged by the broker.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _publishing;
    }

    private async Task PublishAsync()
    {
        var fCnt = 0u;
        using var timer = new PeriodicTimer(_interval);
        while (await WaitAsync(timer))
        {
            fCnt++;
            var devEui = _devEuis[(int)(fCnt % _devEuis.Count)];
            var (topic, message, deduplicationId) = NetworkServerClient.ChirpStack(_applicationId, devEui, fCnt, [0x01, 0x75, (byte)fCnt], DateTimeOffset.UtcNow);
            var uplink = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(message)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

            // Until the broker acknowledges it, this uplink is ours to resend (as a network server does).
            while (true)
            {
                try
                {
                    if (!_client.IsConnected)
                    {
                        var connected = await _client.ConnectAsync(_options, CancellationToken.None);
                        if (connected.ResultCode != MqttClientConnectResultCode.Success)
                        {
                            throw new InvalidOperationException(connected.ResultCode.ToString());
                        }
                    }

                    var result = await _client.PublishAsync(uplink, CancellationToken.None);
                    if (result.IsSuccess)
                    {
                        Acknowledged[deduplicationId.ToString()] = DateTimeOffset.UtcNow;
                        break;
                    }
                }
                catch (Exception)
                {
                    // The broker is restarting: try again shortly.
                }

                Retries++;
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
        _stop.Dispose();
    }
}
