using Platform.Api.Requests;
using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Api.Problems;
using Platform.Core.Identity;

namespace Platform.Api.Features.Auth.Login;

public sealed class Endpoint(LocalLogin login) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/auth/login");
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(LoginRateLimit.PolicyName).TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "Log in with e-mail and password";
            summary.Description = "Returns a session token. Unknown e-mail, wrong password and a locked account get the same 401 "
                + "(type invalid-credentials). Only after the right password does a user with MFA hear that the code is missing "
                + "(type mfa-required) or wrong (type mfa-code-invalid); `totp` takes a 6-digit code or a recovery code. "
                + "mfaEnrolmentRequired says that a tenant of the user requires MFA and the user has none: that tenant's routes answer "
                + "403 mfa-enrolment-required until they enrol (GET /api/me/mfa names the tenants); everything else stays open.";
            summary.Response<Response>(200, "Logged in");
            summary.Response(401, "Refused; type sso-required (only after a correct password) when a tenant of the user enforces sign-in through its identity provider");
            summary.Response(429, "Too many attempts from this address");
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var result = await login.LoginAsync(request.Email, request.Password, request.Totp,
            HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (!result.Succeeded)
        {
            await Send.ResultAsync(result.Refusal switch
            {
                LoginRefusal.SsoRequired => Refused("Sign in through your organization's identity provider.", ProblemTypes.SsoRequired),
                LoginRefusal.MfaRequired => Refused("A code from the authenticator app (or a recovery code) is required.", ProblemTypes.MfaRequired),
                LoginRefusal.MfaCodeInvalid => Refused("The authenticator code is wrong or was used already.", ProblemTypes.MfaCodeInvalid),
                _ => Refused("The e-mail or password is wrong, or the account is temporarily locked.", ProblemTypes.InvalidCredentials),
            });
            return;
        }

        var user = result.User!;
        await Send.OkAsync(new Response(result.Token!, result.ExpiresAt!.Value,
            new LoggedInUser(user.Id, user.Email, user.DisplayName, user.PlatformRole.ToString()), result.MfaEnrolmentRequired), ct);
    }

    private static IResult Refused(string title, string type) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, type: type);
}
