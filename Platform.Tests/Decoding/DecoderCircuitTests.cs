using Microsoft.Extensions.Time.Testing;
using Platform.Workers.Decoding;

namespace Platform.Tests.Decoding;

public sealed class DecoderCircuitTests
{
    private const string TimeLimit = "decoder exceeded its time limit (100 ms)";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-29T08:00:00Z"));
    private readonly Guid _version = Guid.NewGuid();

    [Fact]
    public void AVersionIsSuspendedOnlyWhenItBreaksALimitThreeTimesInARow()
    {
        var circuit = new DecoderCircuit(_time);

        Assert.False(circuit.LimitBroken(_version, TimeLimit));
        Assert.False(circuit.LimitBroken(_version, TimeLimit));
        Assert.Null(circuit.SuspendedError(_version));
        Assert.True(circuit.LimitBroken(_version, TimeLimit));

        Assert.Equal("decoder suspended after repeated limit violations: decoder exceeded its time limit (100 ms); re-decode later",
            circuit.SuspendedError(_version));
    }

    [Fact]
    public void ARunWithinTheLimitsStartsTheCountAgain()
    {
        var circuit = new DecoderCircuit(_time);

        circuit.LimitBroken(_version, TimeLimit);
        circuit.LimitBroken(_version, TimeLimit);
        circuit.Succeeded(_version);
        circuit.LimitBroken(_version, TimeLimit);
        circuit.LimitBroken(_version, TimeLimit);

        Assert.Null(circuit.SuspendedError(_version));
    }

    [Fact]
    public void TheSuspensionEndsAfterItsTimeAndOneMoreViolationSuspendsAgainAtOnce()
    {
        var circuit = Suspended();

        _time.Advance(DecoderCircuit.Suspension - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(circuit.SuspendedError(_version));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(circuit.SuspendedError(_version));

        Assert.True(circuit.LimitBroken(_version, "decoder exceeded its statement limit (1000000 statements)"));
        Assert.Equal("decoder suspended after repeated limit violations: decoder exceeded its statement limit (1000000 statements); re-decode later",
            circuit.SuspendedError(_version));
    }

    [Fact]
    public void ASuccessfulTrialAfterTheSuspensionClosesTheCircuit()
    {
        var circuit = Suspended();
        _time.Advance(DecoderCircuit.Suspension);

        circuit.Succeeded(_version);
        circuit.LimitBroken(_version, TimeLimit);

        Assert.Null(circuit.SuspendedError(_version));
    }

    [Fact]
    public void ViolationsOfRunsStartedBeforeTheSuspensionDoNotExtendIt()
    {
        var circuit = Suspended();

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(circuit.LimitBroken(_version, TimeLimit));
        _time.Advance(DecoderCircuit.Suspension - TimeSpan.FromSeconds(30));

        Assert.Null(circuit.SuspendedError(_version));
    }

    [Fact]
    public void OneVersionsViolationsDoNotSuspendAnother()
    {
        var circuit = Suspended();

        Assert.Null(circuit.SuspendedError(Guid.NewGuid()));
    }

    private DecoderCircuit Suspended()
    {
        var circuit = new DecoderCircuit(_time);
        for (var i = 0; i < DecoderCircuit.Threshold; i++)
        {
            circuit.LimitBroken(_version, TimeLimit);
        }

        Assert.NotNull(circuit.SuspendedError(_version));
        return circuit;
    }
}
