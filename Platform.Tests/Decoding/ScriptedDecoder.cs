using Platform.Core.Decoding;

namespace Platform.Tests.Decoding;

/// <summary>A decoder that answers each call with the next of the given results (pure logic tests of what runs decoders).</summary>
internal sealed class ScriptedDecoder(params DecodeResult[] results) : IUplinkDecoder
{
    public int Calls { get; private set; }

    public DecodeResult Decode(DecodeInput input) => results[Calls++];
}
