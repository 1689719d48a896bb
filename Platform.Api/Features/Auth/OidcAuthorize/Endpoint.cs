using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Identity.Oidc;

namespace Platform.Api.Features.Auth.OidcAuthorize;

public sealed class Endpoint(OidcSignIn signIn, CurrentPrincipal principal) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/auth/oidc/authorize");
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(LoginRateLimit.SsoPolicyName));
        Summary(summary =>
        {
            summary.Summary = "Start a sign-in through an OpenID provider (authorization code with PKCE)";
            summary.Description = "For a server that drives the browser: returns the provider's authorization URL and the state. "
                + "A test sign-in (test: true) needs a signed-in admin of the provider's tenant.";
            summary.Response<Response>(200, "Started");
            summary.Response(400, "The redirect URI is not allowed");
            summary.Response(404, "No such provider in use");
            summary.Response(429, "Too many attempts from this address");
            summary.Response(503, "The provider could not be used (code: destination-not-allowed, discovery-failed, issuer-mismatch, endpoint-not-on-issuer-host)");
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var started = await signIn.StartAsync(request.ProviderId, request.RedirectUri, request.Test, principal.UnboundSessionUserId, ct);
        await (started.Error switch
        {
            OidcSignInStartError.None => Send.OkAsync(new Response(started.AuthorizationUrl!, started.State!), ct),
            OidcSignInStartError.RedirectUriNotAllowed => Send.ResultAsync(ApiProblems.Invalid("redirectUri", "This redirect URI is not allowed.")),
            OidcSignInStartError.ProviderUnusable => Send.ResultAsync(ApiProblems.IdentityProviderUnusable(started.FailureCode)),
            // A test by anyone but the tenant's admins: as if the provider did not exist.
            _ => Send.ResultAsync(ApiProblems.NotFound("identity provider")),
        });
    }
}
