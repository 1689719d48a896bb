using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Tenants.GetTenant;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<TenantRequest, TenantResponse>
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

        await Send.OkAsync(TenantResponse.From(tenant), ct);
    }
}
