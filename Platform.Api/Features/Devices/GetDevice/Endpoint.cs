using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.GetDevice;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<DeviceRequest, DeviceResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/devices/{deviceId}");
        Options(route => route.RequireResourcePermission(Permission.DeviceRead));
        Summary(summary => summary.Summary = "One device the caller may see");
    }

    public override async Task HandleAsync(DeviceRequest request, CancellationToken ct)
    {
        var (device, problem) = await database.FindAsync(principal.Access, request.DeviceId, Permission.DeviceRead, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.OkAsync(DeviceResponse.From(device!), ct);
    }
}
