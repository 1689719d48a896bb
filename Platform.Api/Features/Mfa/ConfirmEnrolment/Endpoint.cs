using Platform.Api.Requests;
using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Core.Identity.Mfa;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Mfa.ConfirmEnrolment;

public sealed class Endpoint(PlatformDbContext database, MultiFactorAuthentication mfa) : Endpoint<PasswordAndCodeRequest, RecoveryCodesResponse>
{
    public override void Configure()
    {
        Post("/api/me/mfa/enrolment/confirm");
        Options(route => route.TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "Confirm the enrolment with the password and a code from the app: MFA is enabled, the user's other sessions end";
            summary.Description = "Returns the ten recovery codes, this once. 400 for a wrong password or code, 409 without a pending enrolment.";
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

        var change = await mfa.ConfirmEnrolmentAsync(user, request.Password, request.Code, session!.Id, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        await Send.ResultAsync(change.Outcome switch
        {
            MfaChangeOutcome.Done => TypedResults.Ok(new RecoveryCodesResponse(change.RecoveryCodes!)),
            MfaChangeOutcome.WrongState => MfaProblems.AlreadyEnabled(),
            MfaChangeOutcome.WrongPassword => MfaProblems.WrongPassword(),
            MfaChangeOutcome.InvalidCode => MfaProblems.InvalidCode(),
            _ => MfaProblems.NoPendingEnrolment(),
        });
    }
}
