namespace Platform.Core.Decoding;

/// <summary>Turns an uplink's bytes into values. Implementations are thread-safe and never throw on input.</summary>
public interface IUplinkDecoder
{
    DecodeResult Decode(DecodeInput input);
}
