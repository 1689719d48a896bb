using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.CreateVersion;

public sealed class Endpoint(PlatformDbContext database, DecoderVersioning versioning) : Endpoint<Request, CreatedVersionResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/decoders/{decoderId}/versions");
        Options(route => route.RequirePermission(Permission.DecodersManage));
        Description(route => route.ProducesProblemDetails(StatusCodes.Status429TooManyRequests));
        Summary(summary => summary.Summary =
            "Add the next version {codec: JavaScript|CayenneLpp, script?, vectors: [{description, fPort, bytes (hex or base64), expected, " +
            "recvTime?, variables?}], notes?} (tenant admins; library decoders: 403). Its vectors run at once and their outcomes come back; " +
            "a script that does not compile is a 400 with line and column; 429 while the tenant has " +
            $"{DecoderTestRuns.PerTenant} decoder runs going");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: true, ct);
        CreatedVersionResponse? created = null;
        if (problem is null)
        {
            (created, problem) = await versioning.CreateAsync(decoder!, request, ct);
        }

        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.CreatedAtAsync<GetVersion.Endpoint>(new { request.TenantId, request.DecoderId, created!.Version.Version }, created,
            cancellation: ct);
    }
}
