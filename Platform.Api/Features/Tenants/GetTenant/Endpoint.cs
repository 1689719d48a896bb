using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Tenants.GetTenant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<TenantRequest, TenantResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}");
        Options(route => route.RequirePermission(Permission.TenantRead).AllowPlatformAdmins());
        Summary(summary => summary.Summary = "The tenant (its members and platform admins)");
    }

    public override async Task HandleAsync(TenantRequest request, CancellationToken ct)
    {
        var tenant = await database.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TenantId, ct);
        if (tenant is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("tenant"));
            return;
        }

        if (!principal.Access.IsMember)
        {
            // A platform admin reading a tenant they do not belong to: an admin use, audited.
            await database.InTransactionAsync(async () =>
            {
                await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "admin.tenant.read", "tenant",
                    tenant.Id.ToString(), ClientAddress: principal.ClientAddress), ct);
                return tenant;
            }, ct);
        }

        await Send.OkAsync(TenantResponse.From(tenant), ct);
    }
}
