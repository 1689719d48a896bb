using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants.DeleteTenant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, DataScope scope) : Endpoint<TenantRequest>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}");
        Options(route => route.RequirePermission(Permission.TenantRead).AllowPlatformAdmins());
        Summary(summary => summary.Summary = "Delete a tenant without devices (platform admins); its audit trail stays");
    }

    public override async Task HandleAsync(TenantRequest request, CancellationToken ct)
    {
        var (tenant, problem) = await database.FindForPlatformAdminAsync(principal, scope, request.TenantId, ct);
        if (tenant is null || problem is not null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        if (await database.Devices.AnyAsync(device => device.TenantId == tenant.Id, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict("The tenant still has devices; delete them first, or suspend the tenant."));
            return;
        }

        await database.InTransactionAsync(async () =>
        {
            // Service accounts are the tenant's own users: they go with it (the tenant's rows cascade, their users would not).
            await database.Users
                .Where(user => database.ServiceAccounts.Any(account => account.TenantId == tenant.Id && account.Id == user.Id))
                .ExecuteDeleteAsync(ct);
            database.Tenants.Remove(tenant);
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "tenant.deleted", "tenant", tenant.Id.ToString(),
                AuditJson.Of(new { tenant.Slug, tenant.Name }), null, principal.ClientAddress), ct);
            return tenant;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
