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
        Options(route => route.RequireRateLimiting(LoginRateLimit.PolicyName));
        Summary(summary =>
        {
            summary.Summary = "Log in with e-mail and password";
            summary.Description = "Returns a session token. Unknown e-mail, wrong password and a locked account get the same 401.";
            summary.Response<Response>(200, "Logged in");
            summary.Response(401, "Refused; type sso-required (only after a correct password) when a tenant of the user enforces sign-in through its identity provider");
            summary.Response(429, "Too many attempts from this address");
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var result = await login.LoginAsync(request.Email, request.Password,
            HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (result.SsoRequired)
        {
            await Send.ResultAsync(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign in through your organization's identity provider.",
                type: ProblemTypes.SsoRequired));
            return;
        }

        if (!result.Succeeded)
        {
            await Send.ResultAsync(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "The e-mail or password is wrong, or the account is temporarily locked.",
                type: ProblemTypes.InvalidCredentials));
            return;
        }

        var user = result.User!;
        await Send.OkAsync(new Response(result.Token!, result.ExpiresAt!.Value,
            new LoggedInUser(user.Id, user.Email, user.DisplayName, user.PlatformRole.ToString())), ct);
    }
}
