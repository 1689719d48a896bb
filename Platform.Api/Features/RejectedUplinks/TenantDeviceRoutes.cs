using Platform.Core.Devices;
using Platform.Core.Ingestion;

namespace Platform.Api.Features.RejectedUplinks;

/// <summary>The routes of one tenant's devices only: what that tenant's replays are explained by.</summary>
internal sealed class TenantDeviceRoutes(IDeviceRouteSource routes, Guid tenantId) : IDeviceRouteSource
{
    public async ValueTask<IReadOnlyList<DeviceRoute>> FindAsync(DevEui devEui, CancellationToken cancellationToken) =>
        (await routes.FindAsync(devEui, cancellationToken)).Where(route => route.TenantId == tenantId).ToList();
}
