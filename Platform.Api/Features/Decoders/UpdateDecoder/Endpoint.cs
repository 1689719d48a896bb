using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.UpdateDecoder;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, DecoderCreation creation,
    TimeProvider time) : Endpoint<Request, DecoderResponse>
{
    public override void Configure()
    {
        Patch("/api/tenants/{tenantId}/decoders/{decoderId}");
        Options(route => route.RequirePermission(Permission.DecodersManage));
        Description(route => route.ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(summary => summary.Summary = "Rename or describe a decoder (tenant admins; library decoders: 403)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: true, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        var name = request.Name?.Trim() ?? decoder!.Name;
        if (name != decoder!.Name && await creation.NameTakenAsync(request.TenantId, name, decoder.Id, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict(DecoderCreation.DuplicateName));
            return;
        }

        var before = AuditJson.Of(new { decoder.Name, decoder.Description });
        await database.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            decoder.Rename(name, now);
            decoder.Describe(request.Description ?? decoder.Description, now);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "decoder.updated", "decoder",
                decoder.Id.ToString(), before, AuditJson.Of(new { decoder.Name, decoder.Description }), principal.ClientAddress), ct);
            return decoder;
        }, ct);
        await Send.OkAsync(await database.ResponseAsync(decoder, ct), ct);
    }
}
