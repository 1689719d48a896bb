using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Organizations.DeleteOrganization;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<OrganizationRequest>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/organizations/{organizationId}");
        Options(route => route.RequireResourcePermission(Permission.OrganizationDelete));
        Summary(summary => summary.Summary = "Delete an empty organization (tenant admins); its grants go with it");
    }

    public override async Task HandleAsync(OrganizationRequest request, CancellationToken ct)
    {
        var (organization, problem) = await database.FindOrganizationAsync(principal.Access, request.OrganizationId,
            Permission.OrganizationDelete, ct);
        if (organization is null || problem is not null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        if (await database.Devices.AnyAsync(device => device.OrganizationId == organization.Id, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict("The organization still has devices; move or delete them first."));
            return;
        }

        await database.InTransactionAsync(async () =>
        {
            database.Organizations.Remove(organization);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "organization.deleted",
                "organization", organization.Id.ToString(), AuditJson.Of(new { organization.Name }), null,
                principal.ClientAddress), ct);
            return organization;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
