using System.Diagnostics;
using Microsoft.Extensions.Options;
using MQTTnet;
using Platform.Core.Devices;
using Platform.Core.NetworkServer;
using Platform.Simulator.Devices;

namespace Platform.Simulator.Publishing;

/// <summary>
/// Publishes uplinks of the simulated devices on their <see cref="UplinkSchedule"/>, QoS 1, with
/// the network server's credentials, as ChirpStack or The Things Stack would. When it falls behind
/// (broker away), it catches up on reconnect rather than silently sending fewer uplinks than
/// configured.
/// </summary>
public sealed partial class UplinkSimulatorService(
    MqttBrokerSettings broker,
    SimulatedFleet fleet,
    IOptions<SimulatorOptions> options,
    ILogger<UplinkSimulatorService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private long _published;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = UplinkSchedule.For(options.Value, fleet.Devices);
        if (schedule.IsIdle)
        {
            LogIdle(logger);
            return;
        }

        var random = new Random();
        var devices = DeviceFleet.Create(fleet, random);
        var factory = IUplinkFactory.For(fleet, random);
        using var client = new MqttClientFactory().CreateMqttClient();
        var clientOptions = MqttClientOptionsFactory.Create(broker, $"platform-simulator-{Guid.NewGuid():N}", persistentSession: false);

        LogStarting(logger, devices.Count, fleet.Format, fleet.Binding.ApplicationId, schedule.UplinksPerSecond, broker.ToString());
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(clientOptions, stoppingToken);
                }

                for (var due = schedule.DueBy(clock.Elapsed); _published < due; _published++)
                {
                    var device = devices[schedule.DeviceOf(_published)];
                    var now = DateTimeOffset.UtcNow;
                    var payload = EnvironmentSensorPayload.Encode(device.NextReading(now));
                    await PublishAsync(client, factory.Create(device, payload, now), stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPublishFailed(logger, exception, broker.ToString());
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private static async Task PublishAsync(IMqttClient client, SimulatedUplink uplink, CancellationToken cancellationToken)
    {
        using var activity = SimulatorTelemetry.StartPublish(uplink);
        try
        {
            var result = await client.PublishAsync(UplinkMqttMessage.Build(uplink, activity), cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"The broker did not accept the uplink: {result.ReasonCode}.");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            activity?.AddException(exception).SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Simulating {Devices} {Format} device(s) of application {ApplicationId} at {Rate} uplink(s)/s in total to {Broker}")]
    private static partial void LogStarting(ILogger logger, int devices, NetworkServerKind format, string applicationId, double rate, string broker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator rate is 0 or it has no devices: publishing nothing")]
    private static partial void LogIdle(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing to {Broker} failed; retrying")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string broker);
}
