using Platform.Core.Devices.Claims;

namespace Platform.Api.Features.NetworkServerApplications;

public sealed record ApplicationClaimResponse(string Kind, string ApplicationId, Guid TenantId, DateTimeOffset ClaimedAt)
{
    public static ApplicationClaimResponse From(ApplicationClaim claim) => new(claim.Kind, claim.ApplicationId, claim.TenantId, claim.ClaimedAt);
}
