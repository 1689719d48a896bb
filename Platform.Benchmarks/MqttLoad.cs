using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;

namespace Platform.Benchmarks;

/// <summary>
/// Publishes QoS 1 messages at a fixed rate with many in flight (as a busy network server does),
/// counting only what the broker acknowledged. A publish the broker did not acknowledge is sent again.
/// </summary>
public sealed class MqttLoad(MqttBrokerSettings broker)
{
    private const int MaxInFlight = 1_000;

    /// <param name="next">The i-th message: topic and body.</param>
    /// <param name="perSecond">Offered rate; <see cref="double.PositiveInfinity"/> for as fast as the broker takes them.</param>
    public async Task<int> PublishAsync(Func<int, (string Topic, byte[] Body)> next, double perSecond, TimeSpan duration)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var connected = await client.ConnectAsync(
            MqttClientOptionsFactory.Create(broker, "bench-load-" + Guid.NewGuid().ToString("N"), persistentSession: false));
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"The broker refused the load generator: {connected.ResultCode}");
        }

        using var window = new SemaphoreSlim(MaxInFlight);
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = double.IsPositiveInfinity(perSecond) ? sent + MaxInFlight : (int)(clock.Elapsed.TotalSeconds * perSecond);
            if (sent >= due)
            {
                await Task.Delay(1);
                continue;
            }

            while (sent < due && clock.Elapsed < duration)
            {
                await window.WaitAsync();
                var (topic, body) = next(sent++);
                inFlight.Add(PublishOneAsync(client, topic, body, window));
            }

            inFlight.RemoveAll(task => task.IsCompletedSuccessfully);
        }

        await Task.WhenAll(inFlight);
        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        return sent;
    }

    private static async Task PublishOneAsync(IMqttClient client, string topic, byte[] body, SemaphoreSlim window)
    {
        try
        {
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(body)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            while (!(await client.PublishAsync(message)).IsSuccess)
            {
                await Task.Delay(10);
            }
        }
        finally
        {
            window.Release();
        }
    }
}
