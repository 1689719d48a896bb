using Platform.Core.Decoders.Library;
using System.Globalization;
using Platform.Benchmarks;
using Platform.Core.NetworkServer;
using Platform.Core.Persistence;
using Platform.Simulator.Devices;
using Platform.Simulator.Publishing;

// `steps`: parse and decode time per uplink, without the stack.
if (args.Contains("steps"))
{
    return StepBenchmark.Run();
}

// The ingestion benchmark: the real stack (Mosquitto, ingestion, RabbitMQ, storage worker,
// PostgreSQL) under a fixed offered load from this separate process, against the broker's own
// passthrough measured in the same run. Usage: --rate 12000 --seconds 60 --devices 1000 [--no-decoder]
// The demo devices are decoded with the platform library's TLV decoder, as the stack does out of the
// box; --no-decoder removes it from them, to measure storing raw uplinks alone.
var rate = Option("--rate", 12_000);
var seconds = Option("--seconds", 60);
var deviceCount = (int)Option("--devices", 1_000);
var decoding = !args.Contains("--no-decoder");

Console.WriteLine($"Starting the stack (local mode) with {deviceCount} registered devices…");
await using var stack = await BenchmarkStack.StartAsync(deviceCount);
var broker = MqttBrokerSettings.Parse(await stack.ConnectionStringAsync("mqtt"));
var database = await stack.ConnectionStringAsync(PersistenceExtensions.ConnectionName);
if (!decoding)
{
    Console.WriteLine("Removing the decoder from every device: raw uplinks only…");
    await BenchmarkDecoder.RemoveAsync(database);
}

var random = new Random(42);
var fleet = new SimulatedFleet { Devices = deviceCount };
var devices = DeviceFleet.Create(fleet, random);
var factory = IUplinkFactory.For(fleet, random);
(string Topic, byte[] Body) NextUplink(int index)
{
    var device = devices[index % devices.Count];
    var now = DateTimeOffset.UtcNow;
    var uplink = factory.Create(device, EnvironmentSensorPayload.Encode(device.NextReading(now)), now);
    return (uplink.Topic, uplink.Json);
}

Console.WriteLine("Measuring the broker's own QoS 1 passthrough (15 s)…");
var ceiling = await BrokerPassthrough.MeasureAsync(broker, NextUplink(0).Body, TimeSpan.FromSeconds(15));

Console.WriteLine("Warming up the pipeline (10 s at 1,000/s)…");
var load = new MqttLoad(broker);
var warmUpStart = DateTimeOffset.UtcNow;
var warmUp = await load.PublishAsync(NextUplink, 1_000, TimeSpan.FromSeconds(10));
await WaitForStoredAsync(warmUpStart, warmUp);

Console.WriteLine($"Offering {rate:N0} uplinks/s for {seconds} s…");
var loadStart = DateTimeOffset.UtcNow;
var before = ProcessUsage.Snapshot();
var published = await load.PublishAsync(NextUplink, rate, TimeSpan.FromSeconds(seconds));
var after = ProcessUsage.Snapshot();
var stored = await WaitForStoredAsync(loadStart, published);
var statistics = await StoredUplinkStatistics.ReadAsync(database, loadStart);
var window = (statistics.LastStored!.Value - statistics.FirstPublished!.Value).TotalSeconds;
var storedPerSecond = statistics.Rows / window;

Console.WriteLine();
Console.WriteLine($"Broker passthrough (ceiling)   {ceiling,10:N0} msg/s");
Console.WriteLine($"Offered                        {rate,10:N0} uplinks/s for {seconds} s ({published:N0} acknowledged by the broker)");
Console.WriteLine($"Stored                         {storedPerSecond,10:N0} uplinks/s ({statistics.Rows:N0} rows, {statistics.DistinctKeys:N0} distinct keys)");
Console.WriteLine($"Decoded                        {statistics.Decoded / window,10:N0} uplinks/s ({statistics.Decoded:N0} rows decoded, {statistics.DecodeFailures:N0} with decode errors, decoder: {(decoding ? DecoderLibrary.EnvironmentSensorName : "none")})");
foreach (var (error, count) in await StoredUplinkStatistics.DecodeErrorsAsync(database, loadStart))
{
    Console.WriteLine($"  decode error ×{count:N0}: {error}");
}

Console.WriteLine($"Lost                           {published - statistics.DistinctKeys,10:N0}");
Console.WriteLine($"Duplicates                     {statistics.Rows - statistics.DistinctKeys,10:N0}");
Console.WriteLine($"Ratio to the ceiling           {storedPerSecond / ceiling,10:P0}");
Console.WriteLine($"Latency publish → stored p50   {statistics.P50Milliseconds,10:N1} ms");
Console.WriteLine($"Latency publish → stored p99   {statistics.P99Milliseconds,10:N1} ms");
Console.WriteLine();
Console.WriteLine("During the offered load (2 cores):");
foreach (var (group, cores, resident) in ProcessUsage.Between(before, after))
{
    Console.WriteLine($"  {group,-16} {cores * 100,6:N0} % of a core   {resident,8:N0} MiB resident");
}

return stored == published ? 0 : 1;

async Task<long> WaitForStoredAsync(DateTimeOffset since, int expected)
{
    // Done when every acknowledged uplink is stored, or when nothing more arrives for 30 s.
    var count = 0L;
    var lastProgress = DateTimeOffset.UtcNow;
    while (DateTimeOffset.UtcNow - lastProgress < TimeSpan.FromSeconds(30))
    {
        var now = await StoredUplinkStatistics.CountAsync(database, since);
        if (now >= expected)
        {
            return now;
        }

        if (now > count)
        {
            (count, lastProgress) = (now, DateTimeOffset.UtcNow);
        }

        await Task.Delay(250);
    }

    return count;
}

double Option(string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
