using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Platform.Core.NetworkServer;
using Platform.Simulator.Devices;

namespace Platform.Simulator.Publishing;

/// <summary>
/// Publishes uplinks of the simulated devices round-robin at a fixed total rate, QoS 1, with the
/// network server's credentials. When it falls behind (broker away), it catches up on reconnect
/// rather than silently sending fewer uplinks than configured.
/// </summary>
public sealed partial class UplinkSimulatorService(
    MqttBrokerSettings broker,
    IOptions<SimulatorOptions> options,
    ILogger<UplinkSimulatorService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly SimulatorOptions _options = options.Value;

    private long _published;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.UplinksPerSecond <= 0 || _options.Devices <= 0)
        {
            LogIdle(logger);
            return;
        }

        var random = new Random();
        var devices = DeviceFleet.Create(_options.FirstDevEui, _options.Devices, random);
        var factory = new ChirpStackUplinkFactory(_options, random);
        using var client = new MqttClientFactory().CreateMqttClient();
        var clientOptions = MqttClientOptionsFactory.Create(broker, $"platform-simulator-{Guid.NewGuid():N}", persistentSession: false);

        LogStarting(logger, _options.Devices, _options.UplinksPerSecond, broker.ToString());
        var clock = Stopwatch.StartNew();
        var next = 0;
        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(clientOptions, stoppingToken);
                }

                var due = (long)(clock.Elapsed.TotalSeconds * _options.UplinksPerSecond) - _published;
                for (var i = 0; i < due; i++)
                {
                    var (topic, uplink) = factory.Create(devices[next], DateTimeOffset.UtcNow);
                    var message = new MqttApplicationMessageBuilder()
                        .WithTopic(topic)
                        .WithPayload(JsonSerializer.SerializeToUtf8Bytes(uplink, NetworkServerJsonContext.Default.ChirpStackUplinkEvent))
                        .WithContentType("application/json")
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                        .Build();
                    var result = await client.PublishAsync(message, stoppingToken);
                    if (!result.IsSuccess)
                    {
                        throw new InvalidOperationException($"The broker did not accept the uplink: {result.ReasonCode}.");
                    }

                    _published++;
                    next = (next + 1) % devices.Count;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPublishFailed(logger, exception, broker.ToString());
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Devices} device(s) at {Rate} uplink(s)/s to {Broker}")]
    private static partial void LogStarting(ILogger logger, int devices, double rate, string broker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator rate is 0: publishing nothing")]
    private static partial void LogIdle(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing to {Broker} failed; retrying")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string broker);
}
