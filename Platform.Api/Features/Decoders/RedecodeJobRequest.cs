namespace Platform.Api.Features.Decoders;

/// <summary>Route values of the endpoints of one re-decode job.</summary>
public sealed class RedecodeJobRequest : DecoderRequest
{
    public Guid JobId { get; init; }
}
