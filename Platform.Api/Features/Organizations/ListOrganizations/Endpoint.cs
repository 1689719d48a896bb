using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Organizations;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Organizations.ListOrganizations;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<Request, Page<OrganizationResponse>>
{
    private static readonly PageKey<Organization> ById = new(organization => organization.Id);

    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/organizations");
        Options(route => route.RequirePermission(Permission.OrganizationsList));
        Summary(summary => summary.Summary = "Organizations of the tenant the caller may see: all for tenant admins, else those granted");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var access = principal.Access;
        var granted = access.GrantedOrganizationIds.ToList();
        var query = database.Organizations
            .Where(organization => access.SeesWholeTenant || granted.Contains(organization.Id));
        await Send.OkAsync(await query.ToKeysetPageAsync(ById, request, OrganizationResponse.From, ct), ct);
    }
}
