using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants.CreateTenant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, DataScope scope, TimeProvider time)
    : Endpoint<Request, TenantResponse>
{
    public override void Configure()
    {
        Post("/api/tenants");
        Summary(summary => summary.Summary = "Create a tenant (platform admins)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (principal.PlatformRole != PlatformRole.Admin)
        {
            await Send.ResultAsync(ApiProblems.Forbidden());
            return;
        }

        scope.EnterPlatformScope();
        if (await database.Tenants.AnyAsync(tenant => tenant.Slug == request.Slug, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict("A tenant with this slug exists."));
            return;
        }

        var tenant = await database.InTransactionAsync(async () =>
        {
            var created = new Tenant(request.Slug, request.Name, time.GetUtcNow());
            database.Tenants.Add(created);
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "tenant.created", "tenant", created.Id.ToString(),
                After: AuditJson.Of(new { created.Slug, created.Name }), ClientAddress: principal.ClientAddress), ct);
            return created;
        }, ct);
        await Send.CreatedAtAsync<GetTenant.Endpoint>(new { TenantId = tenant.Id }, TenantResponse.From(tenant), cancellation: ct);
    }
}
