using System.Text.Json.Nodes;
using Platform.Core.Decoding;
using Platform.Core.Decoding.CayenneLpp;

namespace Platform.Tests.Decoding;

public sealed class CayenneLppDecoderTests
{
    private static readonly CayenneLppDecoder Decoder = new();

    private static DecodeResult Decode(string hex) => Decoder.Decode(new DecodeInput(Convert.FromHexString(hex), 1, DateTimeOffset.UnixEpoch));

    /// <summary>Hex payload of one record (channel, type, value) → the exact JSON expected, boundaries included.</summary>
    public static TheoryData<string, string> TypeCases() => new()
    {
        { "0100ff", """{"digital_in_1":255}""" },
        { "020100", """{"digital_out_2":0}""" },
        { "03020d48", """{"analog_in_3":34}""" },
        { "03027fff", """{"analog_in_3":327.67}""" },
        { "03028000", """{"analog_in_3":-327.68}""" },
        { "0403ff9c", """{"analog_out_4":-1}""" },
        { "04030001", """{"analog_out_4":0.01}""" },
        { "0564ffffffff", """{"generic_sensor_5":4294967295}""" },
        { "0665ffff", """{"luminosity_6":65535}""" },
        { "076601", """{"presence_7":1}""" },
        { "08670110", """{"temperature_8":27.2}""" },
        { "0867ff9c", """{"temperature_8":-10}""" },
        { "08677fff", """{"temperature_8":3276.7}""" },
        { "08678000", """{"temperature_8":-3276.8}""" },
        { "096873", """{"relative_humidity_9":57.5}""" },
        { "0968ff", """{"relative_humidity_9":127.5}""" },
        { "0a7104d2fb2e0000", """{"accelerometer_10":{"x":1.234,"y":-1.234,"z":0}}""" },
        { "0b7327bf", """{"barometric_pressure_11":1017.5}""" },
        { "0b73ffff", """{"barometric_pressure_11":6553.5}""" },
        { "0c740172", """{"voltage_12":3.7}""" },
        { "0c74ffff", """{"voltage_12":655.35}""" },
        { "0d75ffff", """{"current_13":65.535}""" },
        { "0e7600000064", """{"frequency_14":100}""" },
        { "0f7864", """{"percentage_15":100}""" },
        { "1079ff38", """{"altitude_16":-200}""" },
        { "117d0190", """{"concentration_17":400}""" },
        { "1280ffff", """{"power_18":65535}""" },
        { "1382000004d2", """{"distance_19":1.234}""" },
        { "1382ffffffff", """{"distance_19":4294967.295}""" },
        { "148300000001", """{"energy_20":0.001}""" },
        { "15840168", """{"direction_21":360}""" },
        { "16856553f100", """{"unixtime_22":1700000000}""" },
        { "1786ff9c00647fff", """{"gyrometer_23":{"x":-1,"y":1,"z":327.67}}""" },
        { "1887ff8000", """{"colour_24":{"r":255,"g":128,"b":0}}""" },
        { "1988f9e580099cf0ffff9c", """{"gps_25":{"latitude":-40,"longitude":63,"altitude":-1}}""" },
        { "19887fffff800000000000", """{"gps_25":{"latitude":838.8607,"longitude":-838.8608,"altitude":0}}""" },
        { "1a8e01", """{"switch_26":1}""" },
        { "ff6700fa", """{"temperature_255":25}""" },
    };

    [Theory]
    [MemberData(nameof(TypeCases))]
    public void EachTypeDecodesToItsExactValue(string hex, string expectedJson)
    {
        var result = Decode(hex);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var difference = VectorMatch.Compare(new JsonObject { ["data"] = JsonNode.Parse(expectedJson) }, result);
        Assert.True(difference is null, difference?.ToString());
        // Exact text, not just within tolerance: 27.2 must not come out as 27.200000000000003.
        Assert.Equal(JsonNode.Parse(expectedJson)!.ToJsonString(), result.Data!.ToJsonString());
    }

    [Fact]
    public void EveryTypeOfTheTableHasACase()
    {
        var covered = TypeCases().Select(row => Convert.FromHexString(row.Data.Item1)[1]).ToHashSet();

        var uncovered = CayenneLppTypes.All.Where(t => !covered.Contains(t.Id)).Select(t => t.Name).ToList();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void TypeIdsAndNamesAreUnique()
    {
        Assert.Equal(CayenneLppTypes.All.Count, CayenneLppTypes.All.Select(t => t.Id).Distinct().Count());
        Assert.Equal(CayenneLppTypes.All.Count, CayenneLppTypes.All.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public void EmptyPayloadGivesEmptyData()
    {
        var result = Decode("");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Data!);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void SeveralRecordsKeepTheirChannels()
    {
        var result = Decode("03670110056872" + "0367ff9c");

        Assert.Equal("""{"temperature_3":-10,"relative_humidity_5":57}""", result.Data!.ToJsonString());
    }

    [Fact]
    public void RepeatedChannelAndTypeOverwritesWithAWarning()
    {
        var result = Decode("03670110" + "03670111");

        Assert.True(result.Succeeded);
        Assert.Equal(27.3, result.Data!["temperature_3"]!.GetValue<double>());
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("temperature_3", warning);
        Assert.Contains("byte 4", warning);
    }

    [Fact]
    public void SameChannelWithOtherTypesIsNoRepeat()
    {
        var result = Decode("03670110" + "036872");

        Assert.Equal(2, result.Data!.Count);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("03", "record truncated at byte 0: channel 3 has no type byte")]
    [InlineData("036701", "record truncated at byte 0: temperature on channel 3 needs 2 bytes, 1 left")]
    [InlineData("0367011005", "record truncated at byte 4: channel 5 has no type byte")]
    [InlineData("0367011006880000", "record truncated at byte 4: gps on channel 6 needs 9 bytes, 2 left")]
    [InlineData("0367011003ff00", "unknown type 0xff on channel 3 at byte 5")]
    [InlineData("02f00a", "unknown type 0xf0 on channel 2 at byte 1")] // polyline: variable size, not supported
    public void BrokenPayloadFailsWithoutPartialData(string hex, string error)
    {
        var result = Decode(hex);

        Assert.Null(result.Data);
        Assert.Equal([error], result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void MissingBytesFailInsteadOfThrowing()
    {
        var result = Decoder.Decode(new DecodeInput(null!, 1, DateTimeOffset.UnixEpoch));

        Assert.False(result.Succeeded);
        Assert.Null(result.Data);
    }

    [Fact]
    public void RandomBytesNeverThrowAndEitherDecodeOrFailCleanly()
    {
        var random = new Random(20261129);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);

            var result = Decoder.Decode(new DecodeInput(bytes, 1, DateTimeOffset.UnixEpoch));

            Assert.True(
                result is { Data: not null, Errors.Count: 0 } or { Data: null, Errors.Count: 1, Warnings.Count: 0 },
                Convert.ToHexString(bytes));
        }
    }

    [Fact]
    public void RandomWellFormedPayloadsDecodeEveryRecord()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var payload = new List<byte>();
            var keys = new List<string>();
            for (var records = random.Next(1, 8); records > 0; records--)
            {
                var type = CayenneLppTypes.All[random.Next(CayenneLppTypes.All.Count)];
                var channel = (byte)random.Next(4);
                var value = new byte[type.Size];
                random.NextBytes(value);
                payload.AddRange([channel, type.Id, .. value]);
                keys.Add($"{type.Name}_{channel}");
            }

            var result = Decoder.Decode(new DecodeInput([.. payload], 1, DateTimeOffset.UnixEpoch));

            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            Assert.Equal(keys.Distinct().Order(), result.Data!.Select(p => p.Key).Order());
            Assert.Equal(keys.Count - keys.Distinct().Count(), result.Warnings.Count);
        }
    }

    [Fact]
    public void ConcurrentDecodesAgree()
    {
        const string hex = "01000102020d480688061a80f6631000c350";
        var expected = Decode(hex).Data!.ToJsonString();

        Parallel.For(0, 2_000, _ => Assert.Equal(expected, Decode(hex).Data!.ToJsonString()));
    }
}
