using Microsoft.AspNetCore.Authorization;
using Platform.Api.Problems;
using Platform.Core.Identity.Mfa;

namespace Platform.Api.Authentication;

/// <summary>
/// Endpoint metadata: a session that must enrol in MFA first may still call this endpoint
/// (who am I, the MFA endpoints, logout).
/// </summary>
public sealed record AllowedBeforeMfaEnrolment;

public static class MfaEnrolmentGateExtensions
{
    public static TBuilder AllowBeforeMfaEnrolment<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowedBeforeMfaEnrolment());
}

/// <summary>
/// When a tenant of a local user requires MFA and the user has none, their session reaches only
/// the endpoints marked <see cref="AllowedBeforeMfaEnrolment"/>; anything else is 403
/// <c>mfa-enrolment-required</c>, for every route alike, so it reveals nothing about tenants.
/// Checked on every request rather than stamped on the session at login: a tenant admin who turns
/// the requirement on reaches sessions that are open already, and enrolling lifts it at once.
/// </summary>
/// <remarks>
/// Sessions only. API tokens are left alone by design: they are explicit, scoped, expiring
/// credentials that tenant admins list and revoke, and a restricted session cannot create new ones.
/// </remarks>
internal sealed class MfaEnrolmentGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, MultiFactorAuthentication mfa)
    {
        if (http.User.Identity?.IsAuthenticated == true
            && http.User.FindFirst(PlatformTokenDefaults.SessionIdClaim) is not null
            && http.GetEndpoint() is { } endpoint
            && endpoint.Metadata.GetMetadata<AllowedBeforeMfaEnrolment>() is null
            // What anyone may call (status, login) stays callable with a restricted session's header.
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && await mfa.IsEnrolmentRequiredAsync(http.User.UserId(), http.RequestAborted))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "A tenant of yours requires multi-factor authentication: enrol at /api/me/mfa first.",
                type: ProblemTypes.MfaEnrolmentRequired).ExecuteAsync(http);
            return;
        }

        await next(http);
    }
}
