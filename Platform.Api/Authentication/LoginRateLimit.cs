using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Api.Authentication;

/// <summary>
/// Per-client-address limit on the login endpoint, on top of the per-account lockout: it slows a
/// password spray across many accounts from one address, which a lockout alone cannot.
/// </summary>
public static class LoginRateLimit
{
    public const string PolicyName = "login";

    /// <summary>The SSO endpoints (start and callback): their own budget per address, two requests per sign-in.</summary>
    public const string SsoPolicyName = "sso-login";

    /// <summary>
    /// The invitation page's calls (preview, accept): their own budget per address, like the SSO one. A
    /// link's secret cannot be guessed; the limit keeps a stolen link from being a password oracle.
    /// </summary>
    public const string InvitationPolicyName = "invitation";

    public static void AddLoginRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Platform:Login:PermitsPerMinute", 10);
        var ssoPermits = configuration.GetValue("Platform:Login:SsoPermitsPerMinute", 2 * permits);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(SsoPolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = ssoPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(InvitationPolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = ssoPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many login attempts from this address",
                    type: Problems.ProblemTypes.RateLimited).ExecuteAsync(context.HttpContext);
            };
        });
    }
}
