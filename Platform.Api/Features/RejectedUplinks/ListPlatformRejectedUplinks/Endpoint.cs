using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;

namespace Platform.Api.Features.RejectedUplinks.ListPlatformRejectedUplinks;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal)
    : Endpoint<Request, Page<RejectedUplinkResponse>>
{
    public override void Configure()
    {
        Get("/api/admin/rejected-uplinks");
        Summary(summary => summary.Summary =
            "Rejected messages that name no tenant's device, newest first (platform admins; each read is audited); ?reason=&replayed=");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (await PlatformAdminGate.EnterAndRecordAsync(database, audit, principal, "admin.rejected-uplinks.read", "rejected-uplink", null, ct)
            is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        await Send.OkAsync(await database.RejectedUplinks.Where(rejected => rejected.TenantId == null).ToRejectedPageAsync(request, ct), ct);
    }
}
