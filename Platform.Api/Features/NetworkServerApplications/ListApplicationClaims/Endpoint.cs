using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;
using Platform.Core.Devices.Claims;

namespace Platform.Api.Features.NetworkServerApplications.ListApplicationClaims;

public sealed class Endpoint(PlatformDbContext database, ApplicationClaims claims, AuditLog audit, CurrentPrincipal principal)
    : EndpointWithoutRequest<List<ApplicationClaimResponse>>
{
    public override void Configure()
    {
        Get("/api/admin/network-server-applications");
        Summary(summary => summary.Summary =
            "Which tenant each network-server application belongs to (platform admins; each read is audited)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (await PlatformAdminGate.EnterAndRecordAsync(database, audit, principal, "admin.application-claims.read", "application-claim", null, ct)
            is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        await Send.OkAsync((await claims.ListAsync(ct)).Select(ApplicationClaimResponse.From).ToList(), ct);
    }
}
