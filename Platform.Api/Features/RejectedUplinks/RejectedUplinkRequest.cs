namespace Platform.Api.Features.RejectedUplinks;

/// <summary>Route values of the endpoints of one of a tenant's rejected uplinks.</summary>
public sealed class RejectedUplinkRequest
{
    public Guid TenantId { get; init; }

    public Guid Id { get; init; }
}

/// <summary>Route values of the endpoints of one rejected uplink without a tenant (platform admins).</summary>
public sealed class PlatformRejectedUplinkRequest
{
    public Guid Id { get; init; }
}
