using System.Collections.Frozen;

namespace Platform.Core.Decoding.CayenneLpp;

/// <summary>
/// The CayenneLPP types this platform decodes, in one table. Ids, sizes, signedness and resolutions are
/// those of the Cayenne LPP reference (myDevices) and its extended IPSO types as the Arduino CayenneLPP
/// library of The Things Network / ElectronicCats encodes them. Names are The Things Stack's: the
/// lowercase constant without <c>LPP_</c>, except its historical <c>digital_in</c>/<c>analog_in</c> forms.
/// Polyline (240) has a variable size and is not supported: it decodes as an unknown type.
/// </summary>
public static class CayenneLppTypes
{
    public static IReadOnlyList<CayenneLppType> All { get; } =
    [
        //                    id    name                    bytes signed divisor (value = raw / divisor)
        CayenneLppType.Scalar(0,   "digital_in",            1, false),
        CayenneLppType.Scalar(1,   "digital_out",           1, false),
        CayenneLppType.Scalar(2,   "analog_in",             2, true,  100),
        CayenneLppType.Scalar(3,   "analog_out",            2, true,  100),
        CayenneLppType.Scalar(100, "generic_sensor",        4, false),
        CayenneLppType.Scalar(101, "luminosity",            2, false),          // lux
        CayenneLppType.Scalar(102, "presence",              1, false),
        CayenneLppType.Scalar(103, "temperature",           2, true,  10),      // °C
        CayenneLppType.Scalar(104, "relative_humidity",     1, false, 2),       // %
        CayenneLppType.Vector(113, "accelerometer",         2, true,  1000, "x", "y", "z"), // G
        CayenneLppType.Scalar(115, "barometric_pressure",   2, false, 10),      // hPa
        CayenneLppType.Scalar(116, "voltage",               2, false, 100),     // V
        CayenneLppType.Scalar(117, "current",               2, false, 1000),    // A
        CayenneLppType.Scalar(118, "frequency",             4, false),          // Hz
        CayenneLppType.Scalar(120, "percentage",            1, false),          // %
        CayenneLppType.Scalar(121, "altitude",              2, true),           // m
        CayenneLppType.Scalar(125, "concentration",         2, false),          // ppm
        CayenneLppType.Scalar(128, "power",                 2, false),          // W
        CayenneLppType.Scalar(130, "distance",              4, false, 1000),    // m
        CayenneLppType.Scalar(131, "energy",                4, false, 1000),    // kWh
        CayenneLppType.Scalar(132, "direction",             2, false),          // °
        CayenneLppType.Scalar(133, "unixtime",              4, false),          // s since 1970
        CayenneLppType.Vector(134, "gyrometer",             2, true,  100, "x", "y", "z"),  // °/s
        CayenneLppType.Vector(135, "colour",                1, false, 1, "r", "g", "b"),
        new(136, "gps",
        [
            new CayenneLppField("latitude", 3, true, 10_000),   // °
            new CayenneLppField("longitude", 3, true, 10_000),  // °
            new CayenneLppField("altitude", 3, true, 100),      // m
        ]),
        CayenneLppType.Scalar(142, "switch",                1, false),
    ];

    private static readonly FrozenDictionary<byte, CayenneLppType> ById = All.ToFrozenDictionary(t => t.Id);

    public static CayenneLppType? Find(byte id) => ById.GetValueOrDefault(id);
}
