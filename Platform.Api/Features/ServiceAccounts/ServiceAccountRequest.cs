namespace Platform.Api.Features.ServiceAccounts;

/// <summary>Route values of every endpoint of one service account.</summary>
public class ServiceAccountRequest
{
    public Guid TenantId { get; init; }

    public Guid ServiceAccountId { get; init; }
}
