using Platform.Api.Requests;
using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Core.Identity.Mfa;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Mfa.RemoveMfa;

public sealed class Endpoint(PlatformDbContext database, MultiFactorAuthentication mfa) : Endpoint<PasswordAndCodeRequest>
{
    public override void Configure()
    {
        Delete("/api/me/mfa");
        Options(route => route.TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "Remove one's MFA, with the password and a code (authenticator or recovery); the user's other sessions end";
            summary.Description = "A wrong password or code counts towards the account's lockout, as at login.";
        });
    }

    public override async Task HandleAsync(PasswordAndCodeRequest request, CancellationToken ct)
    {
        var (user, session, problem) = await MfaCaller.FindAsync(HttpContext, database, ct);
        if (user is null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var change = await mfa.RemoveAsync(user, request.Password, request.Code, session!.Id,
            HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        await Send.ResultAsync(change.Outcome switch
        {
            MfaChangeOutcome.Done => TypedResults.NoContent(),
            MfaChangeOutcome.WrongPassword => MfaProblems.WrongPassword(),
            MfaChangeOutcome.InvalidCode => MfaProblems.InvalidCode(),
            _ => MfaProblems.NotEnabled(),
        });
    }
}
