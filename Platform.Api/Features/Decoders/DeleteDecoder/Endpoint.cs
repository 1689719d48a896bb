using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.DeleteDecoder;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<DecoderRequest>
{
    private const string InUse = "Devices are decoded with this decoder; assign them another decoder (or none) first.";

    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/decoders/{decoderId}");
        Options(route => route.RequirePermission(Permission.DecodersManage));
        Description(route => route.ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(summary => summary.Summary =
            "Delete a decoder with all its versions (tenant admins; library decoders: 403); 409 while devices are assigned to it");
    }

    public override async Task HandleAsync(DecoderRequest request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: true, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        var assigned = await database.AssignedDevicesAsync(decoder!.Id, ct);
        if (assigned > 0)
        {
            await Send.ResultAsync(ApiProblems.Conflict(InUse, $"{assigned} device(s) are decoded with it.", new Dictionary<string, object?>
            {
                ["assignedDevices"] = assigned,
            }));
            return;
        }

        try
        {
            await RemoveAsync(request.TenantId, decoder, ct);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // A device was assigned to it between the check and the delete.
            await Send.ResultAsync(ApiProblems.Conflict(InUse));
            return;
        }

        await Send.NoContentAsync(ct);
    }

    private Task RemoveAsync(Guid tenantId, Decoder decoder, CancellationToken ct) =>
        database.InTransactionAsync(async () =>
        {
            // The versions go with it (ON DELETE CASCADE).
            database.Decoders.Remove(decoder);
            await audit.AppendAsync(new AuditRecord(tenantId, principal.AuditActor, "decoder.deleted", "decoder",
                decoder.Id.ToString(), AuditJson.Of(new { decoder.Name, decoder.LatestVersion, decoder.ActiveVersion }), null,
                principal.ClientAddress), ct);
            return decoder;
        }, ct);
}
