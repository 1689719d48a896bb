using System.Text.Json.Nodes;
using Platform.Core.Decoding;
using Platform.Core.Decoding.CayenneLpp;

namespace Platform.Tests.Decoding;

/// <summary>The shared CayenneLPP vectors of the design pass through the built-in codec.</summary>
public sealed class CayenneLppVectorTests
{
    private static readonly string VectorsFile =
        Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "cayenne-lpp.vectors.json");

    public static TheoryData<string> Descriptions() => [.. Vectors().Select(v => v["description"]!.GetValue<string>())];

    [Fact]
    public void VectorFileHasVectors()
    {
        Assert.NotEmpty(Vectors());
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void VectorPasses(string description)
    {
        var vector = Vectors().Single(v => v["description"]!.GetValue<string>() == description);
        var input = new DecodeInput(
            Convert.FromHexString(vector["bytes"]!.GetValue<string>()),
            vector["fPort"]!.GetValue<int>(),
            DateTimeOffset.UnixEpoch);

        var result = new CayenneLppDecoder().Decode(input);

        var difference = VectorMatch.Compare(vector["expected"]!.AsObject(), result);
        Assert.True(difference is null, $"vector failed: {difference}");
    }

    private static List<JsonObject> Vectors() =>
        [.. JsonNode.Parse(File.ReadAllText(VectorsFile))!.AsArray().Select(v => v!.AsObject())];
}
