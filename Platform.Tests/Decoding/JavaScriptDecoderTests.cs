using System.Text.Json.Nodes;
using Platform.Core.Decoding;
using Platform.Core.Decoding.JavaScript;

namespace Platform.Tests.Decoding;

public sealed class JavaScriptDecoderTests
{
    private static readonly string Decoders = Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders");
    private static readonly DateTimeOffset RecvTime = DateTimeOffset.Parse("2026-11-20T09:34:15.775Z");

    public static TheoryData<string> VectorDescriptions() =>
        [.. Vectors().Select(vector => vector["description"]!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(VectorDescriptions))]
    public void TheExampleDecoderPassesItsVector(string description)
    {
        var vector = Vectors().Single(v => v["description"]!.GetValue<string>() == description);
        var decoder = Decoder(File.ReadAllText(Path.Combine(Decoders, "tlv-env-sensor.js")));

        var result = decoder.Decode(new DecodeInput(
            Convert.FromHexString(vector["bytes"]!.GetValue<string>()), vector["fPort"]!.GetValue<int>(), RecvTime));

        // The comparison test vectors gate activation with: semantic JSON, documented numeric tolerance.
        var difference = VectorMatch.Compare(vector["expected"]!.AsObject(), result);
        Assert.True(difference is null, difference?.ToString());
    }

    [Fact]
    public void TheExampleDecoderWarnsOfAnUnexpectedPort()
    {
        var decoder = Decoder(File.ReadAllText(Path.Combine(Decoders, "tlv-env-sensor.js")));

        var result = decoder.Decode(new DecodeInput([0x01, 0x75, 0x64], 2, RecvTime));

        Assert.Equal(100, result.Data!["battery"]!.GetValue<int>());
        Assert.Equal(["unexpected fPort 2"], result.Warnings);
    }

    [Fact]
    public void ATtnScriptThatIgnoresVariablesRunsUnchanged()
    {
        var decoder = Decoder("""
            function decodeUplink(input) {
              return {
                data: { counter: (input.bytes[0] << 8) | input.bytes[1], port: input.fPort },
                warnings: [],
                errors: []
              };
            }
            """);

        var result = decoder.Decode(new DecodeInput([0x01, 0x02], 7, RecvTime));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"counter":258,"port":7}"""), result.Data), result.Data!.ToJsonString());
    }

    [Fact]
    public void TheInputCarriesReceiveTimeAndVariables()
    {
        var decoder = Decoder("""
            function decodeUplink(input) {
              return { data: { year: input.recvTime.getUTCFullYear(), time: input.recvTime.toISOString(),
                               scale: Number(input.variables.scale), isDate: input.recvTime instanceof Date } };
            }
            """);

        var result = decoder.Decode(new DecodeInput([], 1, RecvTime, new Dictionary<string, string> { ["scale"] = "2.5" }));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"year":2026,"time":"2026-11-20T09:34:15.775Z","scale":2.5,"isDate":true}"""), result.Data),
            result.Data?.ToJsonString() ?? string.Join("; ", result.Errors));
    }

    [Fact]
    public void AResultWithErrorsIsADecodeError()
    {
        var decoder = Decoder("function decodeUplink(input) { return { data: { a: 1 }, warnings: ['w'], errors: ['bad length', 3] }; }");

        var result = decoder.Decode(new DecodeInput([1], 1, RecvTime));

        Assert.False(result.Succeeded);
        Assert.Null(result.Data);
        Assert.Equal(["bad length", "3"], result.Errors);
        Assert.Equal(["w"], result.Warnings);
    }

    [Theory]
    [InlineData("return 42;", "decodeUplink must return an object, not number")]
    [InlineData("return [1, 2];", "decodeUplink must return an object, not an array")]
    [InlineData("return undefined;", "decodeUplink must return an object, not undefined")]
    [InlineData("return { warnings: [] };", "decodeUplink returned neither data nor errors")]
    [InlineData("return { data: 'text' };", "decodeUplink returned data that is not an object")]
    public void AReturnThatIsNotADecodeResultIsAnError(string body, string error)
    {
        var decoder = Decoder($"function decodeUplink(input) {{ {body} }}");

        var result = decoder.Decode(new DecodeInput([1], 1, RecvTime));

        Assert.Equal([error], result.Errors);
        Assert.Null(result.Data);
    }

    [Fact]
    public void AThrownErrorNamesItsLineAndColumn()
    {
        var decoder = Decoder("function decodeUplink(input) {\n  if (input.bytes.length < 2) {\n    throw new Error('too short');\n  }\n  return { data: {} };\n}");

        var result = decoder.Decode(new DecodeInput([1], 1, RecvTime));

        Assert.Equal(["decoder threw an error: too short (line 3, column 11)"], result.Errors);
        Assert.True(decoder.Decode(new DecodeInput([1, 2], 1, RecvTime)).Succeeded);
    }

    [Fact]
    public void ConsoleLogIsAHarmlessNoOp()
    {
        var decoder = Decoder("function decodeUplink(input) { console.log('debug', input.bytes); return { data: { ok: true } }; }");

        Assert.True(decoder.Decode(new DecodeInput([1], 1, RecvTime)).Succeeded);
    }

    [Fact]
    public void GlobalsOfOneDecoderAreInvisibleToAnother()
    {
        var first = Decoder("var secret = 'tenant-a'; globalThis.leak = 'a'; Object.prototype.polluted = 1; function decodeUplink(input) { return { data: { secret: secret } }; }");
        var second = Decoder("function decodeUplink(input) { return { data: { secret: typeof secret, leak: typeof leak, polluted: typeof ({}).polluted } }; }");

        var a = first.Decode(new DecodeInput([], 1, RecvTime));
        var b = second.Decode(new DecodeInput([], 1, RecvTime));

        Assert.Equal("tenant-a", a.Data!["secret"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"secret":"undefined","leak":"undefined","polluted":"undefined"}"""), b.Data), b.Data!.ToJsonString());
    }

    [Fact]
    public void ManyThreadsDecodingAtOnceEachGetTheirOwnResult()
    {
        var decoder = Decoder(File.ReadAllText(Path.Combine(Decoders, "tlv-env-sensor.js")));

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var battery = (byte)(i % 101);
            var humidity = (byte)(i % 200);
            var result = decoder.Decode(new DecodeInput([0x01, 0x75, battery, 0x04, 0x68, humidity], 85, RecvTime));
            if (result.Data?["battery"]?.GetValue<int>() != battery || result.Data?["humidity"]?.GetValue<double>() != humidity / 2.0)
            {
                failures.Add($"{i}: {result.Data?.ToJsonString()} {string.Join("; ", result.Errors)}");
            }
        });

        Assert.Empty(failures);
    }

    /// <summary>
    /// The default limits but a time limit that a loaded machine never reaches by itself: these tests
    /// judge what a decoder does, and 100 ms can pass in the scheduler alone when the CI machine is
    /// busy. Tests of the time limit pass their limits explicitly.
    /// </summary>
    internal static readonly DecoderLimits Unhurried = DecoderLimits.Default with { Time = TimeSpan.FromSeconds(10) };

    internal static JavaScriptDecoder Decoder(string source, DecoderLimits? limits = null)
    {
        limits ??= Unhurried;
        var compilation = ScriptCompiler.Compile(source, limits);
        Assert.True(compilation.Succeeded, compilation.Error?.ToString());
        return new JavaScriptDecoder(compilation.Script, limits);
    }

    private static IEnumerable<JsonObject> Vectors() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Decoders, "tlv-env-sensor.vectors.json")))!.AsArray().Select(n => n!.AsObject());
}
