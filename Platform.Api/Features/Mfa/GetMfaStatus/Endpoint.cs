using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Identity.Mfa;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Mfa.GetMfaStatus;

public sealed class Endpoint(PlatformDbContext database, MultiFactorAuthentication mfa, CurrentPrincipal principal) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/me/mfa");
        Summary(summary => summary.Summary =
            "One's own MFA: enabled since when, recovery codes left, which of one's tenants require it (without it, their routes answer 403 mfa-enrolment-required)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (user, _, problem) = await MfaCaller.FindAsync(HttpContext, database, ct);
        if (user is null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var status = await mfa.GetStatusAsync(user.Id, principal.BoundTenantId, ct);
        await Send.OkAsync(new Response(status.Enabled, status.EnrolledAt, status.RecoveryCodesLeft, status.RequiredByTenant,
            status.RequiredByTenantIds), ct);
    }
}
