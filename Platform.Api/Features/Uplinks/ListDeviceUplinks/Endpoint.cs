using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Features.Devices;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Uplinks.ListDeviceUplinks;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<Request, Page<UplinkResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/devices/{deviceId}/uplinks");
        Options(route => route.RequireResourcePermission(Permission.DeviceDataRead));
        Summary(summary => summary.Summary =
            "The device's raw uplinks, newest first (whoever may read the device); ?from=&to= on the network server's time");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (device, problem) = await database.FindAsync(principal.Access, request.DeviceId, Permission.DeviceDataRead, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        // The primary key (tenant, device, time, key) serves this as one backward index range scan.
        var query = database.RawUplinks.AsNoTracking().Where(uplink => uplink.TenantId == device!.TenantId && uplink.DeviceId == device.Id);
        // PostgreSQL takes UTC only; a client may well send its own offset.
        if (request.From?.ToUniversalTime() is { } from)
        {
            query = query.Where(uplink => uplink.ReceivedAt >= from);
        }

        if (request.To?.ToUniversalTime() is { } to)
        {
            query = query.Where(uplink => uplink.ReceivedAt < to);
        }

        if (request.After() is { } after)
        {
            query = query.Where(uplink => EF.Functions.LessThan(
                ValueTuple.Create(uplink.ReceivedAt, uplink.DeduplicationKey), ValueTuple.Create(after.At, after.Key)));
        }

        var limit = request.EffectiveLimit;
        var rows = await query
            .OrderByDescending(uplink => uplink.ReceivedAt).ThenByDescending(uplink => uplink.DeduplicationKey)
            .Take(limit + 1)
            .ToListAsync(ct);
        var next = rows.Count > limit ? new KeysetCursor(rows[limit - 1].ReceivedAt, rows[limit - 1].DeduplicationKey).Encode() : null;
        await Send.OkAsync(new Page<UplinkResponse>(rows.Take(limit).Select(UplinkResponse.From).ToList(), next), ct);
    }
}
