using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Decoders;
using Platform.Core.Decoding;
using Platform.Workers.Decoding;

namespace Platform.Tests.Decoding;

/// <summary>How the storage's decoder runner treats limits; the decoders here are scripted answers (pure logic).</summary>
public sealed class DecoderRunnerTests
{
    private const string TimeLimit = "decoder exceeded its time limit (100 ms)";
    private const string MemoryLimit = "decoder exceeded its memory limit (8 MB)";

    private static readonly DecodeInput Input = new([1, 2], 1, DateTimeOffset.Parse("2026-11-29T08:00:00Z"));

    private readonly DecoderCircuit _circuit = new(new FakeTimeProvider());
    private readonly DecoderUse _use = new(Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void ATimeLimitHitOnceIsTriedAgainAndNotCounted()
    {
        var decoder = new ScriptedDecoder(DecodeResult.Failed(TimeLimit), Decoded());

        var decode = Runner().Run(_use, new DecoderBuild(decoder, null), Input);

        Assert.True(decode.Succeeded);
        Assert.Equal(2, decoder.Calls);
        // Two more time-outs in a row would suspend the version if the first one had counted.
        _circuit.LimitBroken(_use, TimeLimit);
        _circuit.LimitBroken(_use, TimeLimit);
        Assert.Null(_circuit.SuspendedError(_use));
    }

    [Fact]
    public void ATimeLimitHitTwiceIsStoredAndCounted()
    {
        var decoder = new ScriptedDecoder(DecodeResult.Failed(TimeLimit), DecodeResult.Failed(TimeLimit));

        var decode = Runner().Run(_use, new DecoderBuild(decoder, null), Input);

        Assert.Equal(DecodeOutcome.Limit, decode.Outcome);
        Assert.Equal([TimeLimit], decode.Errors);
        _circuit.LimitBroken(_use, TimeLimit);
        Assert.True(_circuit.LimitBroken(_use, TimeLimit));
    }

    [Fact]
    public void OtherLimitsAreNotTriedAgain()
    {
        var decoder = new ScriptedDecoder(DecodeResult.Failed(MemoryLimit), Decoded());

        var decode = Runner().Run(_use, new DecoderBuild(decoder, null), Input);

        Assert.Equal(DecodeOutcome.Limit, decode.Outcome);
        Assert.Equal(1, decoder.Calls);
    }

    private DecoderRunner Runner() =>
        new(_circuit, new DecodingMetrics(new TestMeterFactory()), TimeProvider.System, NullLogger<DecoderRunner>.Instance);

    private static DecodeResult Decoded() => new(new() { ["ok"] = true }, [], []);

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(meter => meter.Dispose());
    }
}
