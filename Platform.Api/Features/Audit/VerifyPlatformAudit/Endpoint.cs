using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Audit.VerifyPlatformAudit;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, AuditVerification verification)
    : EndpointWithoutRequest<AuditVerificationResult>
{
    public override void Configure()
    {
        Get("/api/admin/audit/verify");
        Summary(summary => summary.Summary = "Recompute the platform audit chain (platform admins): {valid, checked, firstBrokenId}");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (await PlatformAuditAccess.EnterAsync(database, audit, principal, "admin.audit.verified", ct) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        await Send.OkAsync(await verification.VerifyAsync(null, ct), ct);
    }
}
