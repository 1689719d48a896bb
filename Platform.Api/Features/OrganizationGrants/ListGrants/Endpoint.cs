using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

using Platform.Api.Features.Organizations;

namespace Platform.Api.Features.OrganizationGrants.ListGrants;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<Request, Page<GrantResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/organizations/{organizationId}/grants");
        Options(route => route.RequireResourcePermission(Permission.OrganizationGrantsRead));
        Summary(summary => summary.Summary = "Who has access to an organization (tenant admins, organization managers)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (await OrganizationLookup.DenyAsync(database, principal.Access, request.OrganizationId, Permission.OrganizationGrantsRead, ct)
            is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        var query = database.OrganizationGrants
            .Where(grant => grant.OrganizationId == request.OrganizationId)
            .Join(database.Users, grant => grant.UserId, user => user.Id, (grant, user) => new { grant, user })
            .OrderBy(row => row.grant.CreatedAt).ThenBy(row => row.grant.UserId);
        await Send.OkAsync(await query.ToPageAsync(request, row => GrantResponse.From(row.grant, row.user), ct), ct);
    }
}
