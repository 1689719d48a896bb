using System.Text.Json.Nodes;
using Platform.Core.Decoding;

namespace Platform.Tests.Decoding;

public sealed class VectorMatchTests
{
    private static JsonObject Expected(string json) => JsonNode.Parse(json)!.AsObject();

    private static DecodeResult Result(string data, params string[] warnings) => new(JsonNode.Parse(data)!.AsObject(), warnings, []);

    [Fact]
    public void OmittedWarningsAreNotCompared()
    {
        var result = Result("""{"temperature":27.2}""", "something odd");

        Assert.Null(VectorMatch.Compare(Expected("""{"data":{"temperature":27.2}}"""), result));
    }

    [Fact]
    public void StatedEmptyWarningsRejectAWarning()
    {
        var result = Result("""{"temperature":27.2}""", "something odd");

        Assert.Equal("$.warnings expected 0 elements, got 1: [\"something odd\"]",
            VectorMatch.Compare(Expected("""{"data":{"temperature":27.2},"warnings":[]}"""), result)?.ToString());
    }

    [Fact]
    public void ErrorsOnlyVectorMatchesAFailedResult()
    {
        var expected = Expected("""{"errors":["unknown channel 0x9 type 0x75"]}""");

        Assert.Null(VectorMatch.Compare(expected, DecodeResult.Failed("unknown channel 0x9 type 0x75")));
        Assert.Equal("$.errors[0] expected \"unknown channel 0x9 type 0x75\", got \"other\"",
            VectorMatch.Compare(expected, DecodeResult.Failed("other"))?.ToString());
        Assert.Equal("$.errors expected 1 elements, got 0: []",
            VectorMatch.Compare(expected, Result("{}"))?.ToString());
    }

    [Fact]
    public void ExpectedDataFailsAgainstAFailedResult()
    {
        Assert.Equal("$.data expected an object, got null",
            VectorMatch.Compare(Expected("""{"data":{}}"""), DecodeResult.Failed("boom"))?.ToString());
    }

    [Fact]
    public void DataDifferenceReadsAsAVectorFailure()
    {
        var difference = VectorMatch.Compare(Expected("""{"data":{"temperature_3":27.2}}"""), Result("""{"temperature_3":27.3}"""));

        Assert.Equal("vector failed: $.data.temperature_3 expected 27.2, got 27.3", $"vector failed: {difference}");
    }

    [Fact]
    public void MisspelledMemberIsReportedRatherThanIgnored()
    {
        Assert.Equal("$.dat", VectorMatch.Compare(Expected("""{"dat":{}}"""), Result("{}"))?.Path);
    }

    [Fact]
    public void EveryTlvVectorMatchesAResultBuiltFromItsOwnExpectation()
    {
        // The JS decoder is not this class's concern: the vectors' own shapes (with and without warnings,
        // errors only) must be judged equal to a result that says exactly that, and unequal when altered.
        var file = Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "tlv-env-sensor.vectors.json");
        var vectors = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        Assert.NotEmpty(vectors);

        foreach (var vector in vectors)
        {
            var expected = vector!["expected"]!.AsObject();
            var data = expected["data"]?.DeepClone().AsObject();
            var errors = expected["errors"]?.AsArray().Select(e => e!.GetValue<string>()).ToList() ?? [];
            var warnings = expected["warnings"]?.AsArray().Select(w => w!.GetValue<string>()).ToList() ?? [];

            Assert.Null(VectorMatch.Compare(expected, new DecodeResult(data, warnings, errors)));
            var altered = new DecodeResult(data is null ? new JsonObject() : null, warnings, [.. errors, "extra"]);
            Assert.NotNull(VectorMatch.Compare(expected, altered));
        }
    }
}
