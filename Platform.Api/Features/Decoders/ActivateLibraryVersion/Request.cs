namespace Platform.Api.Features.Decoders.ActivateLibraryVersion;

public sealed class Request
{
    public Guid DecoderId { get; init; }

    public int Version { get; init; }
}
