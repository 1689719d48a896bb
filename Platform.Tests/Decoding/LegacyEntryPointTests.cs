using Platform.Core.Decoding;
using Platform.Core.Decoding.JavaScript;

namespace Platform.Tests.Decoding;

/// <summary>
/// Scripts that define only a legacy entry point, as many vendors' decoders still do: The Things Network
/// v2's <c>Decoder(bytes, port)</c> (The Things Stack still runs it) and ChirpStack v3's
/// <c>Decode(fPort, bytes, variables)</c>. Each is the example TLV decoder behind the legacy signature, and
/// for every generated payload it must give the same data as the example's own <c>decodeUplink</c>.
/// </summary>
public sealed class LegacyEntryPointTests
{
    private static readonly DateTimeOffset RecvTime = DateTimeOffset.Parse("2026-12-07T09:34:15Z");

    private static readonly string Example =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "tlv-env-sensor.js"));

    // The example under another name, so that the script defines only the legacy entry point.
    private static readonly string Renamed = Example.Replace("function decodeUplink(input)", "function decodeExample(input)", StringComparison.Ordinal);

    private static readonly Dictionary<string, string> LegacyScripts = new()
    {
        ["Decoder(bytes, port)"] = Renamed + "\nfunction Decoder(bytes, port) { return decodeExample({ bytes: bytes, fPort: port }).data; }\n",
        ["Decode(fPort, bytes, variables)"] = Renamed
            + "\nfunction Decode(fPort, bytes, variables) { var data = decodeExample({ bytes: bytes, fPort: fPort }).data; data.site = variables.site; return data; }\n",
    };

    /// <summary>Payloads of every record kind the example knows, in random order and values (seeded), on two ports.</summary>
    public static TheoryData<string, string, int> Payloads()
    {
        var random = new Random(20261207);
        var data = new TheoryData<string, string, int>();
        for (var i = 0; i < 24; i++)
        {
            var bytes = new List<byte>();
            foreach (var record in Enumerable.Range(0, random.Next(1, 5)))
            {
                switch (random.Next(3))
                {
                    case 0: bytes.AddRange([0x01, 0x75, (byte)random.Next(101)]); break;
                    case 1: bytes.AddRange([0x03, 0x67, (byte)random.Next(256), (byte)random.Next(256)]); break;
                    default: bytes.AddRange([0x04, 0x68, (byte)random.Next(201)]); break;
                }
            }
            foreach (var legacy in LegacyScripts.Keys)
            {
                data.Add(legacy, Convert.ToHexString([.. bytes]), i % 2 == 0 ? 85 : 2);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void ALegacyEntryPointDecodesAsTheNetworkServerThatDefinedItDoes(string legacy, string hex, int fPort)
    {
        var input = new DecodeInput(Convert.FromHexString(hex), fPort, RecvTime, new Dictionary<string, string> { ["site"] = "north" });
        var expected = JavaScriptDecoderTests.Decoder(Example).Decode(input);

        var result = JavaScriptDecoderTests.Decoder(LegacyScripts[legacy]).Decode(input);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        // Its return value is the data; a legacy entry point has no warnings to give.
        Assert.Empty(result.Warnings);
        if (legacy.StartsWith("Decode(", StringComparison.Ordinal))
        {
            Assert.Equal("north", result.Data!["site"]!.GetValue<string>());
            result.Data.Remove("site");
        }
        Assert.Equal(expected.Data!.ToJsonString(), result.Data!.ToJsonString());
    }

    [Theory]
    [InlineData("function decodeUplink(input) { return { data: { from: 'decodeUplink' } }; }\nfunction Decoder(bytes, port) { return { from: 'Decoder' }; }\nfunction Decode(fPort, bytes) { return { from: 'Decode' }; }", "decodeUplink")]
    [InlineData("function Decode(fPort, bytes) { return { from: 'Decode' }; }\nfunction Decoder(bytes, port) { return { from: 'Decoder' }; }", "Decoder")]
    [InlineData("var Decode = function (fPort, bytes) { return { from: 'Decode' }; };", "Decode")]
    public void AScriptWithSeveralEntryPointsRunsTheFirstOfDecodeUplinkDecoderDecode(string script, string expected)
    {
        var result = JavaScriptDecoderTests.Decoder(script).Decode(new DecodeInput([1], 1, RecvTime));

        Assert.Equal(expected, result.Data!["from"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("function Decoder(bytes, port) { return bytes.length; }", "Decoder must return an object, not number")]
    [InlineData("function Decoder(bytes, port) { return [bytes[0]]; }", "Decoder must return an object, not an array")]
    [InlineData("function Decode(fPort, bytes, variables) { }", "Decode must return an object, not undefined")]
    public void ALegacyEntryPointThatReturnsNoObjectFails(string script, string error)
    {
        var result = JavaScriptDecoderTests.Decoder(script).Decode(new DecodeInput([1], 1, RecvTime));

        Assert.Equal([error], result.Errors);
    }

    [Fact]
    public void AScriptWithNoEntryPointIsRefusedNamingAllThree()
    {
        var compilation = ScriptCompiler.Compile("function decode(bytes) { return {}; }", JavaScriptDecoderTests.Unhurried);

        Assert.False(compilation.Succeeded);
        Assert.Contains("decodeUplink(input)", compilation.Error!.Message);
        Assert.Contains("Decoder(bytes, port)", compilation.Error.Message);
        Assert.Contains("Decode(fPort, bytes, variables)", compilation.Error.Message);
    }
}
