using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;

namespace Platform.Api.Features.Audit.VerifyAudit;

public sealed class Endpoint(AuditVerification verification) : Endpoint<Request, AuditVerificationResult>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/audit/verify");
        Options(route => route.RequirePermission(Permission.AuditRead));
        Summary(summary => summary.Summary = "Recompute the tenant's audit chain (tenant admins): {valid, checked, firstBrokenId}");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await verification.VerifyAsync(request.TenantId, ct), ct);
}
