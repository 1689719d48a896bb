using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Api.Tenancy;
using Platform.Core.Identity;
using Platform.Core.Identity.Oidc;
using Platform.Core.Tenancy;

namespace Platform.Api.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer pls_…</c> against the sessions table and
/// <c>Bearer plt_…</c> against the API tokens table on every request, without a cache, so a revoked
/// or expired credential stops working at once. Any other bearer is taken for an OpenID provider's JWT
/// access token (<see cref="ExternalAccessTokenAuthentication"/>). The user (a token's owner, the
/// provider identity's linked user) becomes the data scope's user.
/// </summary>
internal sealed class PlatformTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionAuthentication sessions,
    ApiTokenAuthentication apiTokens,
    ExternalAccessTokenAuthentication externalTokens,
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

        var bearer = header[BearerPrefix.Length..].Trim();
        if (bearer.StartsWith(OpaqueToken.ApiTokenPrefix, StringComparison.Ordinal))
        {
            return await AuthenticateApiTokenAsync(bearer);
        }

        if (!bearer.StartsWith(OpaqueToken.SessionPrefix, StringComparison.Ordinal))
        {
            return await AuthenticateExternalTokenAsync(bearer);
        }

        var authenticated = await sessions.AuthenticateAsync(bearer, Context.RequestAborted);
        if (authenticated is not var (session, user))
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        scope.IdentifyUser(user.Id);
        List<Claim> claims =
        [
            new(PlatformTokenDefaults.UserIdClaim, user.Id.ToString()),
            new(PlatformTokenDefaults.SessionIdClaim, session.Id),
        ];
        if (session.BoundTenantId is { } boundTenant)
        {
            // Opened through a tenant's identity provider: that tenant only, no platform role.
            principal.AuthenticateTenantSession(user.Id, boundTenant, Context.Connection.RemoteIpAddress?.ToString());
            claims.Add(new Claim(PlatformTokenDefaults.TenantIdClaim, boundTenant.ToString()));
        }
        else
        {
            principal.Authenticate(user.Id, user.PlatformRole, Context.Connection.RemoteIpAddress?.ToString());
            claims.Add(new Claim(PlatformTokenDefaults.PlatformRoleClaim, user.PlatformRole.ToString()));
        }

        var identity = new ClaimsIdentity(claims, PlatformTokenDefaults.Scheme, PlatformTokenDefaults.UserIdClaim, PlatformTokenDefaults.PlatformRoleClaim);
        Context.Items[typeof(Session)] = session;
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), PlatformTokenDefaults.Scheme));
    }

    private async Task<AuthenticateResult> AuthenticateApiTokenAsync(string bearer)
    {
        var token = await apiTokens.AuthenticateAsync(bearer, Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        scope.IdentifyUser(token.OwnerUserId);
        principal.AuthenticateApiToken(new ApiTokenPrincipal(token.Id, token.TenantId, token.OwnerUserId, token.Scopes),
            Context.Connection.RemoteIpAddress?.ToString());
        // No platform role claim: a token never carries its owner's platform role.
        var identity = new ClaimsIdentity(
        [
            new Claim(PlatformTokenDefaults.UserIdClaim, token.OwnerUserId.ToString()),
            new Claim(PlatformTokenDefaults.ApiTokenIdClaim, token.Id),
            new Claim(PlatformTokenDefaults.TenantIdClaim, token.TenantId.ToString()),
        ], PlatformTokenDefaults.Scheme, PlatformTokenDefaults.UserIdClaim, PlatformTokenDefaults.PlatformRoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), PlatformTokenDefaults.Scheme));
    }

    private async Task<AuthenticateResult> AuthenticateExternalTokenAsync(string bearer)
    {
        var token = await externalTokens.AuthenticateAsync(bearer, Context.RequestAborted);
        if (token is null)
        {
            // Why is logged by the authentication (never the token); the caller learns nothing more.
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        scope.IdentifyUser(token.UserId);
        principal.AuthenticateExternalToken(token, Context.Connection.RemoteIpAddress?.ToString());
        // No platform role claim, as for API tokens; a tenant provider's token names its tenant.
        List<Claim> claims =
        [
            new(PlatformTokenDefaults.UserIdClaim, token.UserId.ToString()),
            new(PlatformTokenDefaults.IdentityProviderClaim, token.ProviderId.ToString()),
        ];
        if (token.TenantId is { } tenantId)
        {
            claims.Add(new Claim(PlatformTokenDefaults.TenantIdClaim, tenantId.ToString()));
        }

        var identity = new ClaimsIdentity(claims, PlatformTokenDefaults.Scheme, PlatformTokenDefaults.UserIdClaim, PlatformTokenDefaults.PlatformRoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), PlatformTokenDefaults.Scheme));
    }
}
