using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

using Platform.Api.Features.Organizations;

namespace Platform.Api.Features.OrganizationGrants.GetGrant;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<GrantRequest, GrantResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/organizations/{organizationId}/grants/{userId}");
        Options(route => route.RequireResourcePermission(Permission.OrganizationGrantsRead));
        Summary(summary => summary.Summary = "One user's grant on an organization (tenant admins, organization managers)");
    }

    public override async Task HandleAsync(GrantRequest request, CancellationToken ct)
    {
        if (await OrganizationLookup.DenyAsync(database, principal.Access, request.OrganizationId, Permission.OrganizationGrantsRead, ct)
            is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        var found = await database.OrganizationGrants.AsNoTracking()
            .Where(grant => grant.OrganizationId == request.OrganizationId && grant.UserId == request.UserId)
            .Join(database.Users, grant => grant.UserId, user => user.Id, (grant, user) => new { grant, user })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("grant"));
            return;
        }

        await Send.OkAsync(GrantResponse.From(found.grant, found.user), ct);
    }
}
