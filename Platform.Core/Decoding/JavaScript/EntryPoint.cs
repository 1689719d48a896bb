namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// The functions a decoder script may define, in the order they are looked for: a script that defines
/// several is run through the first. The Things Stack does the same (it calls <c>decodeUplink</c> when
/// the script has one, and falls back to The Things Network v2's legacy <c>Decoder</c>); ChirpStack v4
/// calls <c>decodeUplink</c>, ChirpStack v3 called <c>Decode</c>. Vendors' scripts often define all three,
/// each returning the same thing.
/// </summary>
internal enum EntryPoint
{
    /// <summary><c>decodeUplink({bytes, fPort, recvTime, variables})</c> returning <c>{data, warnings, errors}</c>.</summary>
    DecodeUplink,

    /// <summary>The Things Network v2's <c>Decoder(bytes, port)</c>, returning the data.</summary>
    Decoder,

    /// <summary>ChirpStack v3's <c>Decode(fPort, bytes, variables)</c>, returning the data.</summary>
    Decode,
}
