using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.PutDeviceGrant;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, DeviceGrantResponse>
{
    public override void Configure()
    {
        Put("/api/tenants/{tenantId}/devices/{deviceId}/grants/{userId}");
        Options(route => route.RequireResourcePermission(Permission.DeviceGrantsManage));
        Summary(summary => summary.Summary = "Give a member Read or Write access to the device, or change it");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (device, problem) = await database.FindAsync(principal.Access, request.DeviceId, Permission.DeviceGrantsManage, ct);
        if (problem is null && !await database.TenantMemberships.AnyAsync(m => m.UserId == request.UserId, ct))
        {
            problem = ApiProblems.Invalid("userId", "The user is not a member of the tenant.");
        }

        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        if (DelegatedGrantRule.RefuseDeviceGrant(principal.Access, device!.Id, device.OrganizationId, request.ToAccess()) is { } refusal)
        {
            await Send.ResultAsync(ApiProblems.BeyondCredentialRights(refusal));
            return;
        }

        var grant = await database.DeviceGrants.SingleOrDefaultAsync(g => g.DeviceId == device!.Id && g.UserId == request.UserId, ct);
        var before = grant is null ? null : AuditJson.Of(new { request.UserId, Access = grant.Access.ToString() });
        DeviceGrant saved;
        try
        {
            saved = await SaveAsync(request, device!, grant, before, ct);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another request gave this user a grant on the device between the read and the insert.
            await Send.ResultAsync(ApiProblems.Conflict("The grant was changed at the same time; try again."));
            return;
        }

        await Send.OkAsync(DeviceGrantResponse.From(saved), ct);
    }

    private Task<DeviceGrant> SaveAsync(Request request, Device device, DeviceGrant? grant, string? before, CancellationToken ct) =>
        database.InTransactionAsync(async () =>
        {
            if (grant is null)
            {
                grant = new DeviceGrant(request.TenantId, device.Id, request.UserId, request.ToAccess(), time.GetUtcNow());
                database.DeviceGrants.Add(grant);
            }
            else
            {
                grant.Change(request.ToAccess());
            }

            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "device.grant.changed", "device",
                device.Id.ToString(), before, AuditJson.Of(new { request.UserId, Access = grant.Access.ToString() }),
                principal.ClientAddress), ct);
            return grant;
        }, ct);
}
