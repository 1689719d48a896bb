using Platform.Core.Decoding.JavaScript;

namespace Platform.Tests.Decoding;

public sealed class ScriptCompilerTests
{
    [Fact]
    public void AValidScriptCompiles()
    {
        var compilation = ScriptCompiler.Compile("function decodeUplink(input) { return { data: {} }; }", JavaScriptDecoderTests.Unhurried);

        Assert.True(compilation.Succeeded, compilation.Error?.ToString());
        Assert.Null(compilation.Error);
    }

    [Fact]
    public void ASyntaxErrorComesBackWithItsLineAndColumn()
    {
        var compilation = ScriptCompiler.Compile("function decodeUplink(input) {\n  var x = ;\n}", JavaScriptDecoderTests.Unhurried);

        Assert.False(compilation.Succeeded);
        Assert.Null(compilation.Script);
        Assert.Equal((2, 11), (compilation.Error.Line, compilation.Error.Column));
        Assert.Contains("Unexpected token", compilation.Error.Message);
    }

    [Fact]
    public void AnUnfinishedScriptPointsAtItsEnd()
    {
        var compilation = ScriptCompiler.Compile("function decodeUplink(input) {\n  return {\n", JavaScriptDecoderTests.Unhurried);

        Assert.Equal((3, 1), (compilation.Error!.Line, compilation.Error.Column));
    }

    [Theory]
    [InlineData("function decodeDownlink(input) { return {}; }")]
    [InlineData("var decodeUplink = 42;")]
    [InlineData("")]
    public void AScriptWithoutDecodeUplinkIsRejected(string source)
    {
        var compilation = ScriptCompiler.Compile(source, JavaScriptDecoderTests.Unhurried);

        Assert.Equal("the script does not define a function decodeUplink(input) (nor a legacy Decoder(bytes, port) or Decode(fPort, bytes, variables))", compilation.Error!.Message);
    }

    [Fact]
    public void AFunctionExpressionCountsAsDecodeUplink()
    {
        Assert.True(ScriptCompiler.Compile("var decodeUplink = function (input) { return { data: {} }; };", JavaScriptDecoderTests.Unhurried).Succeeded);
    }

    [Fact]
    public void TopLevelCodeThatThrowsIsRejectedWithItsPlace()
    {
        var compilation = ScriptCompiler.Compile("var table = undefined;\nvar first = table[0];\nfunction decodeUplink(input) { return { data: {} }; }", JavaScriptDecoderTests.Unhurried);

        Assert.Equal(2, compilation.Error!.Line);
        Assert.StartsWith("decoder threw an error:", compilation.Error.Message);
    }

    [Fact]
    public void TopLevelCodeThatNeverEndsIsRejectedByALimit()
    {
        var compilation = ScriptCompiler.Compile("while (true) {}\nfunction decodeUplink(input) { return { data: {} }; }");

        // Time or statements, whichever runs out first.
        Assert.StartsWith("decoder exceeded its", compilation.Error!.Message);
    }

    [Fact]
    public void SourceNestedTooDeeplyForTheParserIsRejectedNotFatal()
    {
        var source = "var a = " + new string('[', 200_000) + new string(']', 200_000) + ";";

        Assert.False(ScriptCompiler.Compile(source, JavaScriptDecoderTests.Unhurried).Succeeded);
    }
}
