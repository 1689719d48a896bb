using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.DeleteDeviceGrant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<DeviceGrantRequest>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/devices/{deviceId}/grants/{userId}");
        Options(route => route.RequireResourcePermission(Permission.DeviceGrantsManage));
        Summary(summary => summary.Summary = "Remove a user's grant on the device");
    }

    public override async Task HandleAsync(DeviceGrantRequest request, CancellationToken ct)
    {
        var (device, problem) = await database.FindAsync(principal.Access, request.DeviceId, Permission.DeviceGrantsManage, ct);
        var grant = problem is null
            ? await database.DeviceGrants.SingleOrDefaultAsync(g => g.DeviceId == device!.Id && g.UserId == request.UserId, ct)
            : null;
        if (problem is not null || grant is null)
        {
            await Send.ResultAsync(problem ?? ApiProblems.NotFound("grant"));
            return;
        }

        await database.InTransactionAsync(async () =>
        {
            database.DeviceGrants.Remove(grant);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "device.grant.removed", "device",
                device!.Id.ToString(), AuditJson.Of(new { grant.UserId, Access = grant.Access.ToString() }), null,
                principal.ClientAddress), ct);
            return grant;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
