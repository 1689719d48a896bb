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
        Options(route => route.RequirePermission(Permission.TenantRead).AllowPlatformAdmins().RejectApiTokens());
        Summary(summary =>
        {
            summary.Summary = "Rename, suspend or reactivate a tenant (platform admins), or change its settings (platform admins, tenant admins)";
            summary.Description = "A tenant admin may send only `settings` (e.g. `requireMfa`): name and status stay with platform admins.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (principal.PlatformRole != PlatformRole.Admin)
        {
            await ChangeSettingsAsTenantAdminAsync(request, ct);
            return;
        }

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

    /// <summary>
    /// A tenant's own policies are its admins' to set. Audited on the tenant's chain, where its
    /// admins read it.
    /// </summary>
    private async Task ChangeSettingsAsTenantAdminAsync(Request request, CancellationToken ct)
    {
        if (request.Name is not null || request.Status is not null || request.Settings is not { } settings
            || !principal.Access.Allows(Permission.TenantSettingsManage))
        {
            await Send.ResultAsync(ApiProblems.Forbidden());
            return;
        }

        // Row-level security lets tenant rows change only in the platform scope; the caller's right
        // to change this one tenant's settings, and nothing else of it, was checked just above.
        scope.EnterPlatformScope();
        var tenant = await database.Tenants.SingleAsync(t => t.Id == request.TenantId, ct);
        var before = AuditJson.Of(TenantResponse.From(tenant).Settings);
        await database.InTransactionAsync(async () =>
        {
            tenant.ChangeSettings(new TenantSettings { RequireMfa = settings.RequireMfa });
            await audit.AppendAsync(new AuditRecord(tenant.Id, principal.AuditActor, "tenant.settings.changed", "tenant", tenant.Id.ToString(),
                before, AuditJson.Of(TenantResponse.From(tenant).Settings), principal.ClientAddress), ct);
            return tenant;
        }, ct);
        await Send.OkAsync(TenantResponse.From(tenant), ct);
    }
}
