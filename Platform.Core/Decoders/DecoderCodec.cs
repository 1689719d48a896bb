namespace Platform.Core.Decoders;

/// <summary>What runs a decoder version: the author's script, or a codec built into the platform.</summary>
public enum DecoderCodec
{
    /// <summary>A TTN/ChirpStack <c>decodeUplink(input)</c> script, run in the Jint sandbox.</summary>
    JavaScript = 1,

    /// <summary>The built-in CayenneLPP codec with The Things Network's field names.</summary>
    CayenneLpp,
}
