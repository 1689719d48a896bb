using Platform.Api.Requests;
using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Api.Features.Auth.Login;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Identity.Mfa;
using Platform.Core.Identity.Oidc;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Auth.OidcCallback;

public sealed class Endpoint(OidcSignIn signIn, CurrentPrincipal principal, MultiFactorAuthentication mfa, PlatformDbContext database) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/auth/oidc/callback");
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(LoginRateLimit.SsoPolicyName).TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "Finish a sign-in through an OpenID provider";
            summary.Description = "Redeems the code, validates the ID token and returns a session as /api/auth/login does. "
                + "A test sign-in (finished by the admin who started it) returns its outcome instead and opens no session. "
                + "Every refusal is the same 401.";
            summary.Response<Response>(200, "Signed in (or, for a test, a TestResponse)");
            summary.Response(401, "Refused");
            summary.Response(429, "Too many attempts from this address");
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var result = await signIn.CompleteAsync(request.State, request.Code, principal.UnboundSessionUserId,
            HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (result.Test is { } test)
        {
            await Send.ResultAsync(TypedResults.Ok(new TestResponse(test.ProviderId, true, test.Subject, test.Email, test.WouldBeAllowed,
                test.Reason, test.Role)));
            return;
        }

        if (!result.Login.Succeeded)
        {
            // The reason is in the audit and the log; the caller learns only that it failed.
            await Send.ResultAsync(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "The sign-in was refused.", type: ProblemTypes.SsoRefused));
            return;
        }

        // The tenant requirement is on local passwords: a user who also has one is asked to protect
        // it with a second factor however the session was opened (the requiring tenant checks each
        // request; the answer only passes the news on).
        var user = result.Login.User!;
        // The memberships are the user's to read (the request itself came in anonymous), as at password login.
        database.Scope.IdentifyUser(user.Id);
        await Send.OkAsync(new Response(result.Login.Token!, result.Login.ExpiresAt!.Value,
            new LoggedInUser(user.Id, user.Email, user.DisplayName, user.PlatformRole.ToString()),
            await mfa.IsEnrolmentRequiredAsync(user.Id, ct)), ct);
    }
}
