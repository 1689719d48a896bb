using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.ListVersions;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<DecoderPagedRequest, Page<DecoderVersionResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/decoders/{decoderId}/versions");
        Options(route => route.RequirePermission(Permission.DecodersRead));
        Summary(summary => summary.Summary = "The versions of a decoder of the tenant or the library, oldest first, with script and vectors");
    }

    public override async Task HandleAsync(DecoderPagedRequest request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: false, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.OkAsync(await database.DecoderVersions.Where(version => version.DecoderId == decoder!.Id)
            .OrderBy(version => version.Version).ToPageAsync(request, DecoderVersionResponse.From, ct), ct);
    }
}
