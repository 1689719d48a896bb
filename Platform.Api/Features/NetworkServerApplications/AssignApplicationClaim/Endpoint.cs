using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;
using Platform.Core.Devices.Claims;

namespace Platform.Api.Features.NetworkServerApplications.AssignApplicationClaim;

public sealed class Endpoint(PlatformDbContext database, ApplicationClaims claims, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, ApplicationClaimResponse>
{
    public override void Configure()
    {
        Put("/api/admin/network-server-applications/{kind}/{applicationId}");
        Summary(summary => summary.Summary =
            "Assign a network-server application to a tenant, or reassign it from another (platform admins; audited on the platform " +
            "chain). Devices already bound to it keep their binding: move or delete another tenant's devices first");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (PlatformAdminGate.Enter(database, principal) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        if (!request.TryBind(out var binding, out var error))
        {
            await Send.ResultAsync(ApiProblems.Invalid("applicationId", error));
            return;
        }

        if (!await database.Tenants.AnyAsync(tenant => tenant.Id == request.TenantId, ct))
        {
            await Send.ResultAsync(ApiProblems.Invalid("tenantId", "No tenant has this id."));
            return;
        }

        var assigned = await database.InTransactionAsync(async () =>
        {
            var before = await claims.FindAsync(binding!, ct);
            await claims.AssignAsync(binding!, request.TenantId, time.GetUtcNow(), ct);
            var after = (await claims.FindAsync(binding!, ct))!;
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "application-claim.assigned", "application-claim",
                $"{binding!.Kind}:{binding.ApplicationId}", before is null ? null : AuditJson.Of(new { before.TenantId }),
                AuditJson.Of(new { after.TenantId }), principal.ClientAddress), ct);
            return after;
        }, ct);
        await Send.OkAsync(ApplicationClaimResponse.From(assigned), ct);
    }
}
