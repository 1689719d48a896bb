using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.ListLibraryDecoders;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<Request, Page<DecoderResponse>>
{
    public override void Configure()
    {
        Get("/api/admin/decoders");
        Summary(summary => summary.Summary =
            "The platform library's decoders, oldest first, each with its count of assigned devices across all tenants (platform admins; audited)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (await PlatformAdminGate.EnterAndRecordAsync(database, audit, principal, "admin.decoders.read", "decoder", null, ct) is { } denial)
        {
            await Send.ResultAsync(denial);
            return;
        }

        await Send.OkAsync(await database.Decoders.Where(decoder => decoder.TenantId == null).ToDecoderPageAsync(database, request, ct), ct);
    }
}
