using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;

namespace Platform.Benchmarks;

/// <summary>
/// The ceiling: how many uplink-sized QoS 1 messages per second the broker passes from one
/// publisher to one subscriber on this machine, with nothing of ours in between.
/// </summary>
public static class BrokerPassthrough
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    public static async Task<double> MeasureAsync(MqttBrokerSettings broker, byte[] body, TimeSpan duration)
    {
        var topic = "bench/passthrough/" + Guid.NewGuid().ToString("N");
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        var received = 0;
        var lastReceivedAt = 0L;
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            Volatile.Write(ref lastReceivedAt, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(MqttClientOptionsFactory.Create(broker, "bench-subscriber-" + Guid.NewGuid().ToString("N"), persistentSession: false));
        await subscriber.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());

        var started = Stopwatch.GetTimestamp();
        var sent = await new MqttLoad(broker).PublishAsync(_ => (topic, body), double.PositiveInfinity, duration);
        while (Volatile.Read(ref received) < sent && Stopwatch.GetElapsedTime(Volatile.Read(ref lastReceivedAt)) < Quiet)
        {
            await Task.Delay(10);
        }

        await subscriber.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        return Volatile.Read(ref received) / Stopwatch.GetElapsedTime(started, Volatile.Read(ref lastReceivedAt)).TotalSeconds;
    }
}
