namespace Platform.Api.Features.Decoders;

/// <summary>Route values of the endpoints of one decoder version.</summary>
public class DecoderVersionRequest : DecoderRequest
{
    public int Version { get; init; }
}
