namespace Platform.Api.Features.Decoders;

/// <summary>Route values of every endpoint of one decoder of a tenant (or of the library, read through a tenant).</summary>
public class DecoderRequest
{
    public Guid TenantId { get; init; }

    public Guid DecoderId { get; init; }
}
