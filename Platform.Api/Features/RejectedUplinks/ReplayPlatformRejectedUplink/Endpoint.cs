using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Persistence;

namespace Platform.Api.Features.RejectedUplinks.ReplayPlatformRejectedUplink;

public sealed class Endpoint(PlatformDbContext database, UplinkReplay replay, CurrentPrincipal principal)
    : Endpoint<PlatformRejectedUplinkRequest, ReplayResponse>
{
    public override void Configure()
    {
        Post("/api/admin/rejected-uplinks/{id}/replay");
        Description(route => route.ClearDefaultAccepts().ClearDefaultProduces(200).Produces<ReplayResponse>(StatusCodes.Status202Accepted)
            .ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(summary => summary.Summary =
            "Judge a rejected message without a tenant again as the ingestion would now (platform admins; audited on the platform " +
            "chain): 202 when it became an uplink of any tenant's device, 409 with the reason when not");
    }

    public override async Task HandleAsync(PlatformRejectedUplinkRequest request, CancellationToken ct)
    {
        // The replay's own audit record, success or refusal, is the record of this use of the platform scope.
        if (PlatformAdminGate.Enter(database, principal) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        var (accepted, problem) = await replay.ReplayAsync(request.Id, null, principal.AuditActor, principal.ClientAddress, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.ResponseAsync(accepted!, StatusCodes.Status202Accepted, ct);
    }
}
