using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.DeleteDevice;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<DeviceRequest>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/devices/{deviceId}");
        Options(route => route.RequireResourcePermission(Permission.DeviceDelete));
        Summary(summary => summary.Summary = "Delete a device (tenant admins, organization editors); its grants go with it");
    }

    public override async Task HandleAsync(DeviceRequest request, CancellationToken ct)
    {
        var (device, problem) = await database.FindAsync(principal.Access, request.DeviceId, Permission.DeviceDelete, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await database.InTransactionAsync(async () =>
        {
            database.Devices.Remove(device!);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "device.deleted", "device",
                device!.Id.ToString(), AuditJson.Of(DeviceResponse.From(device)), null, principal.ClientAddress), ct);
            return device;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
