using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;

namespace Platform.Api.Features.RejectedUplinks.GetPlatformRejectedUplink;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal)
    : Endpoint<PlatformRejectedUplinkRequest, RejectedUplinkDetailResponse>
{
    public override void Configure()
    {
        Get("/api/admin/rejected-uplinks/{id}");
        Summary(summary => summary.Summary =
            "One rejected message that names no tenant's device, with the message as stored (platform admins; audited)");
    }

    public override async Task HandleAsync(PlatformRejectedUplinkRequest request, CancellationToken ct)
    {
        if (await PlatformAdminGate.EnterAndRecordAsync(database, audit, principal, "admin.rejected-uplink.read", "rejected-uplink",
                request.Id.ToString(), ct) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        var rejected = await database.RejectedUplinks.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == request.Id && r.TenantId == null, ct);
        if (rejected is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("rejected uplink"));
            return;
        }

        await Send.OkAsync(RejectedUplinkDetailResponse.From(rejected), ct);
    }
}
