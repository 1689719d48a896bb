using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.ListRedecodeJobs;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<DecoderPagedRequest, Page<RedecodeJobResponse>>
{
    private static readonly PageKey<RedecodeJob> ById = new(job => job.Id);

    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/decoders/{decoderId}/redecode-jobs");
        Options(route => route.RequirePermission(Permission.DecodersRead));
        Summary(summary => summary.Summary = "The tenant's re-decode jobs of a decoder, oldest first, with status and progress");
    }

    public override async Task HandleAsync(DecoderPagedRequest request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: false, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.OkAsync(await database.RedecodeJobs.Where(job => job.TenantId == request.TenantId && job.DecoderId == decoder!.Id)
            .ToKeysetPageAsync(ById, request, RedecodeJobResponse.Of, ct), ct);
    }
}
