using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Core.Identity.Mfa;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Mfa.GetMfaStatus;

public sealed class Endpoint(PlatformDbContext database, MultiFactorAuthentication mfa) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/me/mfa");
        Options(route => route.AllowBeforeMfaEnrolment());
        Summary(summary => summary.Summary = "One's own MFA: enabled since when, recovery codes left, whether a tenant requires it");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (user, _, problem) = await MfaCaller.FindAsync(HttpContext, database, ct);
        if (user is null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var status = await mfa.GetStatusAsync(user.Id, ct);
        await Send.OkAsync(new Response(status.Enabled, status.EnrolledAt, status.RecoveryCodesLeft, status.RequiredByTenant), ct);
    }
}
