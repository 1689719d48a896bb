using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.RejectedUplinks.GetRejectedUplink;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<RejectedUplinkRequest, RejectedUplinkDetailResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/rejected-uplinks/{id}");
        Options(route => route.RequirePermission(Permission.RejectedUplinksRead));
        Summary(summary => summary.Summary = "One rejected message of the tenant, with the message as stored (tenant admins)");
    }

    public override async Task HandleAsync(RejectedUplinkRequest request, CancellationToken ct)
    {
        var rejected = await database.RejectedUplinks.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == request.Id && r.TenantId == request.TenantId, ct);
        if (rejected is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("rejected uplink"));
            return;
        }

        await Send.OkAsync(RejectedUplinkDetailResponse.From(rejected), ct);
    }
}
