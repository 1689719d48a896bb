using System.Text.Json;

namespace Platform.Core.Decoders.Library;

/// <summary>
/// The decoders the platform ships to every tenant: each entry's script and vectors are embedded in
/// this assembly (Decoders/Library/*), so a release carries its library and the migration installs it.
/// </summary>
public static class DecoderLibrary
{
    public const string EnvironmentSensorName = "Environment sensor (TLV)";
    public const string CayenneLppName = "CayenneLPP";

    public static IReadOnlyList<DecoderLibraryEntry> Entries { get; } =
    [
        new(EnvironmentSensorName,
            "Channel/type/value records: battery % (01 75), temperature 0.1 °C (03 67, int16 LE), humidity 0.5 % (04 68). The simulator's devices send this.",
            DecoderCodec.JavaScript, Resource("environment-sensor-tlv.js"), Vectors("environment-sensor-tlv.vectors.json")),
        new(CayenneLppName,
            "Cayenne Low Power Payload, with The Things Network's field names (temperature_3, relative_humidity_5, gps_6 …).",
            DecoderCodec.CayenneLpp, null, Vectors("cayenne-lpp.vectors.json")),
    ];

    private static List<DecoderVector> Vectors(string name) =>
        JsonSerializer.Deserialize<List<DecoderVector>>(Resource(name), JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"The library's {name} holds no vectors.");

    private static string Resource(string name)
    {
        using var stream = typeof(DecoderLibrary).Assembly.GetManifestResourceStream($"DecoderLibrary/{name}")
            ?? throw new InvalidOperationException($"The decoder library resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One decoder of the platform library as this release ships it.</summary>
public sealed record DecoderLibraryEntry(string Name, string Description, DecoderCodec Codec, string? Script, IReadOnlyList<DecoderVector> Vectors);
