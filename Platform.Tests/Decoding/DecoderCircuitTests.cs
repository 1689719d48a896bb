using Microsoft.Extensions.Time.Testing;
using Platform.Workers.Decoding;

namespace Platform.Tests.Decoding;

public sealed class DecoderCircuitTests
{
    private const string TimeLimit = "decoder exceeded its time limit (100 ms)";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-29T08:00:00Z"));
    private readonly DecoderUse _use = new(Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void AVersionIsSuspendedOnlyWhenItBreaksALimitThreeTimesInARow()
    {
        var circuit = new DecoderCircuit(_time);

        Assert.False(circuit.LimitBroken(_use, TimeLimit));
        Assert.False(circuit.LimitBroken(_use, TimeLimit));
        Assert.Null(circuit.SuspendedError(_use));
        Assert.True(circuit.LimitBroken(_use, TimeLimit));

        Assert.Equal("decoder suspended after repeated limit violations: decoder exceeded its time limit (100 ms); re-decode later",
            circuit.SuspendedError(_use));
    }

    [Fact]
    public void ARunWithinTheLimitsStartsTheCountAgain()
    {
        var circuit = new DecoderCircuit(_time);

        circuit.LimitBroken(_use, TimeLimit);
        circuit.LimitBroken(_use, TimeLimit);
        circuit.Succeeded(_use);
        circuit.LimitBroken(_use, TimeLimit);
        circuit.LimitBroken(_use, TimeLimit);

        Assert.Null(circuit.SuspendedError(_use));
    }

    [Fact]
    public void TheSuspensionEndsAfterItsTimeAndOneMoreViolationSuspendsAgainAtOnce()
    {
        var circuit = Suspended();

        _time.Advance(DecoderCircuit.Suspension - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(circuit.SuspendedError(_use));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(circuit.SuspendedError(_use));

        Assert.True(circuit.LimitBroken(_use, "decoder exceeded its statement limit (1000000 statements)"));
        Assert.Equal("decoder suspended after repeated limit violations: decoder exceeded its statement limit (1000000 statements); re-decode later",
            circuit.SuspendedError(_use));
    }

    [Fact]
    public void ASuccessfulTrialAfterTheSuspensionClosesTheCircuit()
    {
        var circuit = Suspended();
        _time.Advance(DecoderCircuit.Suspension);

        circuit.Succeeded(_use);
        circuit.LimitBroken(_use, TimeLimit);

        Assert.Null(circuit.SuspendedError(_use));
    }

    [Fact]
    public void ViolationsOfRunsStartedBeforeTheSuspensionDoNotExtendIt()
    {
        var circuit = Suspended();

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(circuit.LimitBroken(_use, TimeLimit));
        _time.Advance(DecoderCircuit.Suspension - TimeSpan.FromSeconds(30));

        Assert.Null(circuit.SuspendedError(_use));
    }

    [Fact]
    public void OneVersionsViolationsDoNotSuspendAnother()
    {
        var circuit = Suspended();

        Assert.Null(circuit.SuspendedError(_use with { VersionId = Guid.NewGuid() }));
    }

    [Fact]
    public void AVersionSuspendedForOneTenantStillRunsForAnother()
    {
        var circuit = Suspended();

        // A library version is shared: another tenant's uplinks are decoded as before.
        Assert.Null(circuit.SuspendedError(_use with { TenantId = Guid.NewGuid() }));
        Assert.NotNull(circuit.SuspendedError(_use));
    }

    private DecoderCircuit Suspended()
    {
        var circuit = new DecoderCircuit(_time);
        for (var i = 0; i < DecoderCircuit.Threshold; i++)
        {
            circuit.LimitBroken(_use, TimeLimit);
        }

        Assert.NotNull(circuit.SuspendedError(_use));
        return circuit;
    }
}
