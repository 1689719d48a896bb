using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Messaging;
using Platform.Core.Persistence;
using RabbitMQ.Client;

namespace Platform.Api.Features.DeadLetters.GetUplinkDeadLetters;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, IConnection connection)
    : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/admin/uplink-dead-letters");
        Summary(summary => summary.Summary =
            "How many messages wait in the storage's dead-letter queue (platform admins; each read is audited); their uplinks " +
            "are listed as StorageFailed rejections");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (await PlatformAdminGate.EnterAndRecordAsync(database, audit, principal, "admin.uplink-dead-letters.read", "dead-letter-queue",
                EventBusTopology.StoreUplinks.DeadLetterQueueName, ct) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        var depth = await DeadLetterQueueDepth.ReadAsync(connection, EventBusTopology.StoreUplinks, ct);
        await Send.OkAsync(new Response(EventBusTopology.StoreUplinks.DeadLetterQueueName, depth), ct);
    }
}
