using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

using Platform.Api.Features.Organizations;

namespace Platform.Api.Features.OrganizationGrants.DeleteGrant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<GrantRequest>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/organizations/{organizationId}/grants/{userId}");
        Options(route => route.RequireResourcePermission(Permission.OrganizationGrantsManage));
        Summary(summary => summary.Summary = "Remove a user's grant on an organization (tenant admins, organization managers)");
    }

    public override async Task HandleAsync(GrantRequest request, CancellationToken ct)
    {
        if (await OrganizationLookup.DenyAsync(database, principal.Access, request.OrganizationId, Permission.OrganizationGrantsManage, ct)
            is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        var grant = await database.OrganizationGrants
            .SingleOrDefaultAsync(g => g.OrganizationId == request.OrganizationId && g.UserId == request.UserId, ct);
        if (grant is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("grant"));
            return;
        }

        await database.InTransactionAsync(async () =>
        {
            database.OrganizationGrants.Remove(grant);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "organization.grant.removed",
                "organization", request.OrganizationId.ToString(),
                AuditJson.Of(new { grant.UserId, Access = grant.Access.ToString(), grant.CanExport }), null,
                principal.ClientAddress), ct);
            return grant;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
