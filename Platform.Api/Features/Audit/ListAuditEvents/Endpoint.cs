using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Audit.ListAuditEvents;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<Request, Page<AuditEventResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/audit");
        Options(route => route.RequirePermission(Permission.AuditRead));
        Summary(summary => summary.Summary = "The tenant's audit log, newest first (tenant admins); ?action=&actorId=&from=&to=");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await database.AuditEvents.Where(e => e.TenantId == request.TenantId).ToAuditPageAsync(request, ct), ct);
}
