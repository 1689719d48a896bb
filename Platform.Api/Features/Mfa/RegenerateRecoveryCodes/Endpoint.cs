using Platform.Api.Requests;
using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Core.Identity.Mfa;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Mfa.RegenerateRecoveryCodes;

public sealed class Endpoint(PlatformDbContext database, MultiFactorAuthentication mfa) : Endpoint<CodeRequest, RecoveryCodesResponse>
{
    public override void Configure()
    {
        Post("/api/me/mfa/recovery-codes");
        Options(route => route.TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "Replace one's recovery codes, with a code (authenticator or recovery): the old ones stop working";
            summary.Description = "Returns the ten new codes, this once. A wrong code counts towards the account's lockout.";
        });
    }

    public override async Task HandleAsync(CodeRequest request, CancellationToken ct)
    {
        var (user, _, problem) = await MfaCaller.FindAsync(HttpContext, database, ct);
        if (user is null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var change = await mfa.RegenerateRecoveryCodesAsync(user, request.Code, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        await Send.ResultAsync(change.Outcome switch
        {
            MfaChangeOutcome.Done => TypedResults.Ok(new RecoveryCodesResponse(change.RecoveryCodes!)),
            MfaChangeOutcome.InvalidCode => MfaProblems.InvalidCode(),
            _ => MfaProblems.NotEnabled(),
        });
    }
}
