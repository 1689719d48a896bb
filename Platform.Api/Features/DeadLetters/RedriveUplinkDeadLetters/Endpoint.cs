using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Ingestion;
using Platform.Core.Persistence;

namespace Platform.Api.Features.DeadLetters.RedriveUplinkDeadLetters;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, DeadLetterRedrive redrive)
    : EndpointWithoutRequest<DeadLetterRedriveResult>
{
    public const string AuditAction = "admin.uplink-dead-letters.redriven";

    public override void Configure()
    {
        Post("/api/admin/uplink-dead-letters/redrive");
        Description(route => route.ClearDefaultAccepts());
        Summary(summary => summary.Summary =
            "Move the storage's dead-lettered messages back to its queue, once the cause is gone (platform admins; audited on the " +
            "platform chain): what is stored now is stored once, what is still refused comes back as StorageFailed rejections " +
            "and to the dead-letter queue");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (PlatformAdminGate.Enter(database, principal) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        var result = await redrive.RedriveAsync(ct);
        await database.InTransactionAsync(async () =>
        {
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, AuditAction, "dead-letter-queue", result.Queue,
                After: AuditJson.Of(result), ClientAddress: principal.ClientAddress), ct);
            return true;
        }, ct);
        await Send.OkAsync(result, ct);
    }
}
