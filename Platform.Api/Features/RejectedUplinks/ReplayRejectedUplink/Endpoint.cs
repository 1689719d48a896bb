using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;

namespace Platform.Api.Features.RejectedUplinks.ReplayRejectedUplink;

public sealed class Endpoint(UplinkReplay replay, CurrentPrincipal principal) : Endpoint<RejectedUplinkRequest, ReplayResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/rejected-uplinks/{id}/replay");
        Options(route => route.RequirePermission(Permission.RejectedUplinksReplay));
        Description(route => route.ClearDefaultAccepts().ClearDefaultProduces(200).Produces<ReplayResponse>(StatusCodes.Status202Accepted)
            .ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(summary => summary.Summary =
            "Judge the rejected message again as the ingestion would now (tenant admins): 202 when it became an uplink of one of " +
            "the tenant's devices, 409 with the reason when not, or when it was replayed already or cut when stored");
    }

    public override async Task HandleAsync(RejectedUplinkRequest request, CancellationToken ct)
    {
        var (accepted, problem) = await replay.ReplayAsync(request.Id, request.TenantId, principal.AuditActor, principal.ClientAddress, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.ResponseAsync(accepted!, StatusCodes.Status202Accepted, ct);
    }
}
