using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.ListDeviceGrants;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<Request, Page<DeviceGrantResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/devices/{deviceId}/grants");
        Options(route => route.RequireResourcePermission(Permission.DeviceGrantsRead));
        Summary(summary => summary.Summary = "Who has a grant on the device (tenant admins, managers of its organization)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (device, problem) = await database.FindAsync(principal.Access, request.DeviceId, Permission.DeviceGrantsRead, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        var query = database.DeviceGrants.Where(grant => grant.DeviceId == device!.Id).OrderBy(grant => grant.UserId);
        await Send.OkAsync(await query.ToPageAsync(request, DeviceGrantResponse.From, ct), ct);
    }
}
