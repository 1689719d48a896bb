using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Audit.ListPlatformAuditEvents;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<Request, Page<AuditEventResponse>>
{
    public override void Configure()
    {
        Get("/api/admin/audit");
        Summary(summary => summary.Summary =
            "The platform-level audit log, newest first (platform admins; each read is itself audited); ?action=&actorId=&from=&to=");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (await PlatformAuditAccess.EnterAsync(database, audit, principal, "admin.audit.read", ct) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        await Send.OkAsync(await database.AuditEvents.Where(e => e.TenantId == null).ToAuditPageAsync(request, ct), ct);
    }
}
