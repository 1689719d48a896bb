using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Organizations;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Organizations.CreateOrganization;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, OrganizationResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/organizations");
        Options(route => route.RequirePermission(Permission.OrganizationCreate));
        Summary(summary => summary.Summary = "Create an organization (tenant admins)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var name = request.Name.Trim();
        if (await database.Organizations.AnyAsync(organization => organization.Name == name, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict("An organization with this name exists in the tenant."));
            return;
        }

        var organization = await database.InTransactionAsync(async () =>
        {
            var created = new Organization(request.TenantId, name, time.GetUtcNow());
            database.Organizations.Add(created);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "organization.created",
                "organization", created.Id.ToString(), After: AuditJson.Of(new { created.Name }),
                ClientAddress: principal.ClientAddress), ct);
            return created;
        }, ct);
        await Send.CreatedAtAsync<GetOrganization.Endpoint>(new { request.TenantId, OrganizationId = organization.Id },
            OrganizationResponse.From(organization), cancellation: ct);
    }
}
