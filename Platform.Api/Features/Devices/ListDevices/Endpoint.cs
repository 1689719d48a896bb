using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.ListDevices;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<Request, Page<DeviceResponse>>
{
    private static readonly PageKey<Device> ById = new(device => device.Id);

    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/devices");
        Options(route => route.RequirePermission(Permission.DevicesList));
        Summary(summary => summary.Summary =
            "Devices the caller may see: all for tenant admins, else those of granted organizations and granted devices");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var access = principal.Access;
        var organizations = access.GrantedOrganizationIds.ToList();
        var devices = access.GrantedDeviceIds.ToList();
        var query = database.Devices
            .Where(device => access.SeesWholeTenant || organizations.Contains(device.OrganizationId) || devices.Contains(device.Id));
        if (request.OrganizationId is { } organizationId)
        {
            query = query.Where(device => device.OrganizationId == organizationId);
        }

        await Send.OkAsync(await query.ToKeysetPageAsync(ById, request, DeviceResponse.From, ct), ct);
    }
}
