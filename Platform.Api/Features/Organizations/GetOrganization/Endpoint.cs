using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Organizations.GetOrganization;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<OrganizationRequest, OrganizationResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/organizations/{organizationId}");
        Options(route => route.RequireResourcePermission(Permission.OrganizationRead));
        Summary(summary => summary.Summary = "One organization the caller may see");
    }

    public override async Task HandleAsync(OrganizationRequest request, CancellationToken ct)
    {
        var (organization, problem) = await database.FindOrganizationAsync(principal.Access, request.OrganizationId,
            Permission.OrganizationRead, ct);
        if (organization is null || problem is not null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        await Send.OkAsync(OrganizationResponse.From(organization), ct);
    }
}
