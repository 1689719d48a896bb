using System.Diagnostics;
using Platform.Core.Decoding;
using Platform.Core.Decoding.CayenneLpp;
using Platform.Core.Decoding.JavaScript;

namespace Platform.Benchmarks;

/// <summary>
/// Decode time per uplink, one thread, after a warm-up: the example TLV decoder (JavaScript in the
/// sandbox) and the built-in CayenneLPP codec on their recorded payloads. Prints median and p99.
/// </summary>
public static class DecoderBenchmark
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

        Report("tlv-env-sensor.js (Jint sandbox)", new JavaScriptDecoder(compilation.Script),
            new DecodeInput(Convert.FromHexString("0175640367100104684a"), 85, DateTimeOffset.UtcNow));
        Report("CayenneLPP (built in)", new CayenneLppDecoder(),
            new DecodeInput(Convert.FromHexString("01000102020d480688061a80f6631000c350"), 1, DateTimeOffset.UtcNow));
        return 0;
    }

    private static void Report(string name, IUplinkDecoder decoder, DecodeInput input)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            decoder.Decode(input);
        }

        var samples = new double[Measured];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Measured; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = decoder.Decode(input);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{name} failed: {string.Join("; ", result.Errors)}");
            }
        }

        var bytesPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Measured;
        Array.Sort(samples);
        Console.WriteLine($"{name,-36} median {samples[Measured / 2],7:N1} µs   p99 {samples[Measured * 99 / 100],7:N1} µs   {bytesPerCall,8:N0} B allocated per call");
    }
}
