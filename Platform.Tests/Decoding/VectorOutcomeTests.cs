using System.Text.Json.Nodes;
using Platform.Core.Decoders;
using Platform.Core.Decoding;

namespace Platform.Tests.Decoding;

/// <summary>Running a version's vectors (activation, new versions, the library): a stall is not the script's fault.</summary>
public sealed class VectorOutcomeTests
{
    private const string TimeLimit = "decoder exceeded its time limit (100 ms)";

    private static readonly DecoderVector Vector = new("battery", 85, "017550", new JsonObject { ["data"] = new JsonObject { ["battery"] = 80 } });

    [Fact]
    public void AVectorWhoseRunTimesOutOnceIsRunAgainAndPasses()
    {
        var decoder = new ScriptedDecoder(DecodeResult.Failed(TimeLimit), Battery(80));

        var outcome = Assert.Single(VectorOutcome.RunAll(decoder, [Vector]));

        Assert.True(outcome.Passed);
        Assert.Equal(2, decoder.Calls);
    }

    [Fact]
    public void AVectorThatTimesOutTwiceFailsWithTheTimeLimit()
    {
        var decoder = new ScriptedDecoder(DecodeResult.Failed(TimeLimit), DecodeResult.Failed(TimeLimit));

        var outcome = Assert.Single(VectorOutcome.RunAll(decoder, [Vector]));

        Assert.False(outcome.Passed);
        Assert.Equal([TimeLimit], outcome.Actual.Errors);
    }

    [Fact]
    public void AfterAVectorTimesOutTwiceTheOthersAreNotRunAgain()
    {
        var decoder = new ScriptedDecoder(DecodeResult.Failed(TimeLimit), DecodeResult.Failed(TimeLimit), DecodeResult.Failed(TimeLimit),
            DecodeResult.Failed(TimeLimit));

        var outcomes = VectorOutcome.RunAll(decoder, [Vector, Vector, Vector]);

        Assert.All(outcomes, outcome => Assert.False(outcome.Passed));
        // Two runs for the first vector, one for each of the others.
        Assert.Equal(4, decoder.Calls);
    }

    [Fact]
    public void AWrongAnswerOrAnotherLimitIsNotRunAgain()
    {
        var wrong = new ScriptedDecoder(Battery(79));
        var memory = new ScriptedDecoder(DecodeResult.Failed("decoder exceeded its memory limit (8 MB)"));

        Assert.False(Assert.Single(VectorOutcome.RunAll(wrong, [Vector])).Passed);
        Assert.False(Assert.Single(VectorOutcome.RunAll(memory, [Vector])).Passed);
        Assert.Equal((1, 1), (wrong.Calls, memory.Calls));
    }

    private static DecodeResult Battery(int value) => new(new JsonObject { ["battery"] = value }, [], []);
}
