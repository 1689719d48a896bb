namespace Platform.Api.Features.IdentityProviders;

/// <summary>Route values of every endpoint of one provider.</summary>
public class IdentityProviderRequest
{
    public Guid TenantId { get; init; }

    public Guid ProviderId { get; init; }
}
