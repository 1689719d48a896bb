using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;
using Platform.Core.Devices.Claims;

namespace Platform.Api.Features.NetworkServerApplications.ReleaseApplicationClaim;

public sealed class Endpoint(PlatformDbContext database, ApplicationClaims claims, AuditLog audit, CurrentPrincipal principal)
    : Endpoint<ApplicationRoute>
{
    public override void Configure()
    {
        Delete("/api/admin/network-server-applications/{kind}/{applicationId}");
        Description(route => route.ClearDefaultProduces(200).Produces(StatusCodes.Status204NoContent));
        Summary(summary => summary.Summary =
            "Release a network-server application: the next tenant to register a device under it claims it (platform admins; " +
            "audited on the platform chain)");
    }

    public override async Task HandleAsync(ApplicationRoute request, CancellationToken ct)
    {
        if (PlatformAdminGate.Enter(database, principal) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        if (!request.TryBind(out var binding, out var error))
        {
            await Send.ResultAsync(ApiProblems.Invalid("applicationId", error));
            return;
        }

        var released = await database.InTransactionAsync(async () =>
        {
            var before = await claims.FindAsync(binding!, ct);
            if (before is null || !await claims.ReleaseAsync(binding!, ct))
            {
                return false;
            }

            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, "application-claim.released", "application-claim",
                $"{binding!.Kind}:{binding.ApplicationId}", AuditJson.Of(new { before.TenantId }), ClientAddress: principal.ClientAddress), ct);
            return true;
        }, ct);
        if (!released)
        {
            await Send.ResultAsync(ApiProblems.NotFound("application claim"));
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
