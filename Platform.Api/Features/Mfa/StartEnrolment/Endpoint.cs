using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Core.Identity.Mfa;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Mfa.StartEnrolment;

public sealed class Endpoint(PlatformDbContext database, MultiFactorAuthentication mfa) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("/api/me/mfa/enrolment");
        Summary(summary =>
        {
            summary.Summary = "Start enrolling in TOTP MFA: a new secret for the authenticator app, shown once";
            summary.Description = "MFA is enabled only when a code confirms the enrolment (POST /api/me/mfa/enrolment/confirm) "
                + "before it expires. Starting again replaces the secret. 409 when MFA is enabled already.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (user, _, problem) = await MfaCaller.FindAsync(HttpContext, database, ct);
        if (user is null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var enrolment = await mfa.StartEnrolmentAsync(user, ct);
        if (enrolment is null)
        {
            await Send.ResultAsync(MfaProblems.AlreadyEnabled());
            return;
        }

        await Send.OkAsync(new Response(enrolment.SecretBase32, enrolment.KeyUri, QrCode.PngDataUri(enrolment.KeyUri), enrolment.ExpiresAt), ct);
    }
}
