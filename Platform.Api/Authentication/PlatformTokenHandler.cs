using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Api.Tenancy;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Api.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer pls_…</c> against the sessions table on every request,
/// so a revoked or expired session stops working at once. The user becomes the data scope's user.
/// </summary>
internal sealed class PlatformTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionAuthentication sessions,
    DataScope scope,
    CurrentPrincipal principal) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var authenticated = await sessions.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (authenticated is not var (session, user))
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        scope.IdentifyUser(user.Id);
        principal.Authenticate(user.Id, user.PlatformRole, Context.Connection.RemoteIpAddress?.ToString());
        var identity = new ClaimsIdentity(
        [
            new Claim(PlatformTokenDefaults.UserIdClaim, user.Id.ToString()),
            new Claim(PlatformTokenDefaults.SessionIdClaim, session.Id),
            new Claim(PlatformTokenDefaults.PlatformRoleClaim, user.PlatformRole.ToString()),
        ], PlatformTokenDefaults.Scheme, PlatformTokenDefaults.UserIdClaim, PlatformTokenDefaults.PlatformRoleClaim);
        Context.Items[typeof(Session)] = session;
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), PlatformTokenDefaults.Scheme));
    }
}
