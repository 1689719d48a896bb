using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.GetDeviceGrant;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<DeviceGrantRequest, DeviceGrantResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/devices/{deviceId}/grants/{userId}");
        Options(route => route.RequireResourcePermission(Permission.DeviceGrantsRead));
        Summary(summary => summary.Summary = "One user's grant on the device");
    }

    public override async Task HandleAsync(DeviceGrantRequest request, CancellationToken ct)
    {
        var (device, problem) = await database.FindAsync(principal.Access, request.DeviceId, Permission.DeviceGrantsRead, ct);
        var grant = problem is null
            ? await database.DeviceGrants.AsNoTracking()
                .SingleOrDefaultAsync(g => g.DeviceId == device!.Id && g.UserId == request.UserId, ct)
            : null;
        if (problem is not null || grant is null)
        {
            await Send.ResultAsync(problem ?? ApiProblems.NotFound("grant"));
            return;
        }

        await Send.OkAsync(DeviceGrantResponse.From(grant), ct);
    }
}
