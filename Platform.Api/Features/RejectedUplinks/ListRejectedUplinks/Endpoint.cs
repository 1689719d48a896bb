using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.RejectedUplinks.ListRejectedUplinks;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<Request, Page<RejectedUplinkResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/rejected-uplinks");
        Options(route => route.RequirePermission(Permission.RejectedUplinksRead));
        Summary(summary => summary.Summary =
            "Messages of the tenant's devices that did not become uplinks, with reasons, newest first (tenant admins); ?reason=&replayed=");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await database.RejectedUplinks.Where(rejected => rejected.TenantId == request.TenantId)
            .ToRejectedPageAsync(request, ct), ct);
}
