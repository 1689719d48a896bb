using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants.UpdateTenant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, DataScope scope) : Endpoint<Request, TenantResponse>
{
    public override void Configure()
    {
        Patch("/api/tenants/{tenantId}");
        Options(route => route.RequirePermission(Permission.TenantRead).AllowPlatformAdmins());
        Summary(summary => summary.Summary = "Rename, suspend or reactivate a tenant, or change its settings (platform admins)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (tenant, problem) = await database.FindForPlatformAdminAsync(principal, scope, request.TenantId, ct);
        if (tenant is null || problem is not null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var before = AuditJson.Of(TenantResponse.From(tenant) with { CreatedAt = default });
        await database.InTransactionAsync(async () =>
        {
            tenant.Rename(request.Name ?? tenant.Name);
            tenant.ChangeStatus(request.Status ?? tenant.Status);
            if (request.Settings is { } settings)
            {
                tenant.ChangeSettings(new TenantSettings { RequireMfa = settings.RequireMfa });
            }

            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "tenant.updated", "tenant", tenant.Id.ToString(),
                before, AuditJson.Of(TenantResponse.From(tenant) with { CreatedAt = default }), principal.ClientAddress), ct);
            return tenant;
        }, ct);
        await Send.OkAsync(TenantResponse.From(tenant), ct);
    }
}
