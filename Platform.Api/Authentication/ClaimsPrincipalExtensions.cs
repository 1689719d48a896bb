using System.Security.Claims;

namespace Platform.Api.Authentication;

public static class ClaimsPrincipalExtensions
{
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(PlatformTokenDefaults.UserIdClaim)
            ?? throw new InvalidOperationException("The principal is not authenticated."));
}
