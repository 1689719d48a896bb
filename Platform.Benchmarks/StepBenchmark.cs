using System.Diagnostics;
using Platform.Core.Decoding;
using Platform.Core.Decoding.CayenneLpp;
using Platform.Core.Decoding.JavaScript;
using Platform.Core.Devices;
using Platform.Core.NetworkServer;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Simulator.Devices;
using Platform.Simulator.Publishing;

namespace Platform.Benchmarks;

/// <summary>
/// Time per uplink of the CPU-bound steps, one thread, after a warm-up: parsing a network server's
/// message (the ingestion's first step), and decoding with the example TLV decoder (JavaScript in
/// the sandbox) and the built-in CayenneLPP codec. Prints median, p99 and allocations per call.
/// </summary>
public static class StepBenchmark
{
    private const int WarmUp = 20_000;
    private const int Measured = 200_000;

    public static int Run()
    {
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "tlv-env-sensor.js"));
        var compilation = ScriptCompiler.Compile(script);
        if (compilation.Script is null)
        {
            Console.Error.WriteLine($"The example decoder does not compile: {compilation.Error}");
            return 1;
        }

        var random = new Random(42);
        foreach (var format in new[] { NetworkServerKind.ChirpStack, NetworkServerKind.TheThingsStack })
        {
            var fleet = new SimulatedFleet { Devices = 1, Format = format };
            var device = DeviceFleet.Create(fleet, random)[0];
            var now = DateTimeOffset.UtcNow;
            var uplink = IUplinkFactory.For(fleet, random).Create(device, EnvironmentSensorPayload.Encode(device.NextReading(now)), now);
            Measure($"parse {format} message ({uplink.Json.Length} B)", () =>
                UplinkParser.Parse(uplink.Topic, uplink.Json, now).Uplink is not null ? null : "rejected");
        }

        Report("tlv-env-sensor.js (Jint sandbox)", new JavaScriptDecoder(compilation.Script),
            new DecodeInput(Convert.FromHexString("0175640367100104684a"), 85, DateTimeOffset.UtcNow));
        Report("CayenneLPP (built in)", new CayenneLppDecoder(),
            new DecodeInput(Convert.FromHexString("01000102020d480688061a80f6631000c350"), 1, DateTimeOffset.UtcNow));
        ReportBesideHostile(compilation.Script);
        return 0;
    }

    /// <summary>
    /// The example decoder again while another thread runs a hostile decoder (an endless loop, stopped
    /// by the time limit each call, and tried again at once): what one tenant's decoding costs when
    /// another tenant's decoder burns a whole core. On 2 cores the two share nothing but the machine.
    /// </summary>
    private static void ReportBesideHostile(CompiledScript example)
    {
        var hostile = ScriptCompiler.Compile("function decodeUplink(input) { while (true) {} }");
        if (hostile.Script is null)
        {
            throw new InvalidOperationException($"The hostile decoder does not compile: {hostile.Error}");
        }

        var attacker = new JavaScriptDecoder(hostile.Script);
        var attacks = 0;
        using var stop = new CancellationTokenSource();
        var thread = new Thread(() =>
        {
            var input = new DecodeInput([1], 1, DateTimeOffset.UtcNow);
            while (!stop.IsCancellationRequested)
            {
                attacker.Decode(input);
                attacks++;
            }
        }) { IsBackground = true };
        thread.Start();
        try
        {
            Report("tlv-env-sensor.js beside a hostile decoder", new JavaScriptDecoder(example),
                new DecodeInput(Convert.FromHexString("0175640367100104684a"), 85, DateTimeOffset.UtcNow));
        }
        finally
        {
            stop.Cancel();
            thread.Join();
        }

        Console.WriteLine($"{"  (hostile calls stopped by the limit)",-40} {attacks,7:N0}");
    }

    private static void Report(string name, IUplinkDecoder decoder, DecodeInput input) =>
        Measure(name, () => decoder.Decode(input) is { Succeeded: false } failed ? string.Join("; ", failed.Errors) : null);

    /// <param name="step">One call of the measured step; returns an error, or null when it succeeded.</param>
    private static void Measure(string name, Func<string?> step)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            step();
        }

        var samples = new double[Measured];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Measured; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var error = step();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            if (error is not null)
            {
                throw new InvalidOperationException($"{name} failed: {error}");
            }
        }

        var bytesPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Measured;
        Array.Sort(samples);
        Console.WriteLine($"{name,-40} median {samples[Measured / 2],7:N1} µs   p99 {samples[Measured * 99 / 100],7:N1} µs   {bytesPerCall,8:N0} B allocated per call");
    }
}
