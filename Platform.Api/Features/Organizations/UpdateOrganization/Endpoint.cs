using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Organizations.UpdateOrganization;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<Request, OrganizationResponse>
{
    public override void Configure()
    {
        Patch("/api/tenants/{tenantId}/organizations/{organizationId}");
        Options(route => route.RequireResourcePermission(Permission.OrganizationUpdate));
        Summary(summary => summary.Summary = "Rename an organization (tenant admins, organization managers)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (organization, problem) = await database.FindOrganizationAsync(principal.Access, request.OrganizationId,
            Permission.OrganizationUpdate, ct);
        if (organization is null || problem is not null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        var name = request.Name?.Trim() ?? organization.Name;
        if (name != organization.Name
            && await database.Organizations.AnyAsync(o => o.Name == name && o.Id != organization.Id, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict("An organization with this name exists in the tenant."));
            return;
        }

        var before = AuditJson.Of(new { organization.Name });
        await database.InTransactionAsync(async () =>
        {
            organization.Rename(name);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "organization.updated",
                "organization", organization.Id.ToString(), before, AuditJson.Of(new { organization.Name }),
                principal.ClientAddress), ct);
            return organization;
        }, ct);
        await Send.OkAsync(OrganizationResponse.From(organization), ct);
    }
}
