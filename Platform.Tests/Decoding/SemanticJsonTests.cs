using System.Text.Json.Nodes;
using Platform.Core.Decoding;

namespace Platform.Tests.Decoding;

public sealed class SemanticJsonTests
{
    private static JsonDifference? Diff(string expected, string actual) =>
        SemanticJson.FirstDifference(JsonNode.Parse(expected), JsonNode.Parse(actual));

    [Fact]
    public void ObjectsWithTheSameMembersInAnotherOrderAreEqual()
    {
        Assert.Null(Diff("""{"a":1,"b":{"x":1,"y":[1,2]}}""", """{"b":{"y":[1,2],"x":1},"a":1}"""));
    }

    [Fact]
    public void ArrayOrderMatters()
    {
        Assert.Equal(new JsonDifference("$.a[0]", "expected 1, got 2"), Diff("""{"a":[1,2]}""", """{"a":[2,1]}"""));
    }

    [Fact]
    public void ArrayOfOtherLengthDiffers()
    {
        Assert.Equal("$.a expected 1 elements, got 2: [1,2]", Diff("""{"a":[1]}""", """{"a":[1,2]}""")!.ToString());
        Assert.Equal("$.a expected 2 elements, got 1: [1]", Diff("""{"a":[1,2]}""", """{"a":[1]}""")!.ToString());
    }

    [Fact]
    public void MissingMemberIsReportedWithItsPath()
    {
        Assert.Equal("$.data.gps_6.altitude missing (expected 500)",
            Diff("""{"data":{"gps_6":{"latitude":40,"altitude":500}}}""", """{"data":{"gps_6":{"latitude":40}}}""")!.ToString());
    }

    [Fact]
    public void ExtraMemberIsReportedWithItsPath()
    {
        Assert.Equal("$.data.humidity unexpected (got 37)",
            Diff("""{"data":{"battery":100}}""", """{"data":{"battery":100,"humidity":37}}""")!.ToString());
    }

    [Fact]
    public void NullMemberIsNotAMissingMember()
    {
        Assert.Equal("$.a missing (expected null)", Diff("""{"a":null}""", "{}")!.ToString());
        Assert.Null(Diff("""{"a":null}""", """{"a":null}"""));
    }

    [Theory]
    [InlineData("\"1\"", "1", "$ expected string \"1\", got number 1")]
    [InlineData("1", "true", "$ expected number 1, got boolean true")]
    [InlineData("true", "false", "$ expected boolean true, got boolean false")]
    [InlineData("null", "0", "$ expected null, got number 0")]
    [InlineData("{}", "[]", "$ expected an object, got an array")]
    [InlineData("\"a\"", "\"A\"", "$ expected \"a\", got \"A\"")]
    public void DifferentKindsOrValuesDiffer(string expected, string actual, string message)
    {
        Assert.Equal(message, Diff(expected, actual)?.ToString());
    }

    [Theory]
    [InlineData(27.2, 27.200000000000003)] // 272 * 0.1
    [InlineData(0.0, 1e-9)]
    [InlineData(-1e-9, 0.0)]
    [InlineData(57.0, 57.0)]
    [InlineData(1e15, 1e15 + 50)]           // relative: 50 <= 1e-13 * 1e15
    public void NumbersWithinToleranceAreEqual(double expected, double actual)
    {
        Assert.True(SemanticJson.NumbersEqual(expected, actual));
        Assert.Null(SemanticJson.FirstDifference(JsonValue.Create(expected), JsonValue.Create(actual)));
    }

    [Theory]
    [InlineData(27.2, 27.3)]
    [InlineData(0.0, 2e-9)]
    [InlineData(1e15, 1e15 + 200)]
    [InlineData(1700000000.0, 1700000001.0)]       // Unix seconds stay exact
    [InlineData(1700000000000.0, 1700000000001.0)] // and Unix milliseconds
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    public void NumbersBeyondToleranceDiffer(double expected, double actual)
    {
        Assert.False(SemanticJson.NumbersEqual(expected, actual));
        Assert.NotNull(SemanticJson.FirstDifference(JsonValue.Create(expected), JsonValue.Create(actual)));
    }

    [Fact]
    public void IntegersAndDoublesOfEveryOriginCompareAsNumbers()
    {
        var parsed = JsonNode.Parse("""{"a":57,"b":27.2,"c":4294967295}""");
        var built = new JsonObject { ["a"] = 57.0, ["b"] = 272 / 10.0, ["c"] = 4294967295L };

        Assert.Null(SemanticJson.FirstDifference(parsed, built));
        Assert.Null(SemanticJson.FirstDifference(built, parsed));
    }

    [Fact]
    public void NumberDifferenceNamesPathAndBothValues()
    {
        Assert.Equal("$.data.temperature_3 expected 27.2, got 27.3",
            Diff("""{"data":{"temperature_3":27.2}}""", """{"data":{"temperature_3":27.3}}""")!.ToString());
    }

    [Fact]
    public void KeysThatAreNotIdentifiersAreQuotedInThePath()
    {
        Assert.Equal("$.data[\"a b\"]", Diff("""{"data":{"a b":1}}""", """{"data":{"a b":2}}""")!.Path);
    }

    [Fact]
    public void FirstDifferenceInDocumentOrderIsReported()
    {
        Assert.Equal("$.b[1].x", Diff("""{"a":1,"b":[{"x":1},{"x":2}],"c":3}""", """{"a":1,"b":[{"x":1},{"x":5}],"c":4}""")!.Path);
    }
}
