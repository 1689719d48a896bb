using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;

namespace Platform.Benchmarks;

/// <summary>
/// Publishes QoS 1 messages at a fixed rate with many in flight over several connections (one
/// MQTTnet client serialises its sends and tops out below the broker), counting only what the
/// broker acknowledged. A publish the broker did not acknowledge is sent again.
/// </summary>
public sealed class MqttLoad(MqttBrokerSettings broker)
{
    private const int MaxInFlight = 2_000;
    private const int Connections = 4;

    /// <param name="next">The i-th message: topic and body.</param>
    /// <param name="perSecond">Offered rate; <see cref="double.PositiveInfinity"/> for as fast as the broker takes them.</param>
    public async Task<int> PublishAsync(Func<int, (string Topic, byte[] Body)> next, double perSecond, TimeSpan duration)
    {
        var clients = new List<IMqttClient>();
        for (var i = 0; i < Connections; i++)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            clients.Add(client);
            var connected = await client.ConnectAsync(
                MqttClientOptionsFactory.Create(broker, "bench-load-" + Guid.NewGuid().ToString("N"), persistentSession: false));
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"The broker refused the load generator: {connected.ResultCode}");
            }
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
                inFlight.Add(PublishOneAsync(clients[sent % Connections], topic, body, window));
            }

            inFlight.RemoveAll(task => task.IsCompletedSuccessfully);
        }

        await Task.WhenAll(inFlight);
        foreach (var client in clients)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            client.Dispose();
        }

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
