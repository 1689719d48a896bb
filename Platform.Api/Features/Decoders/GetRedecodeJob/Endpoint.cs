using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.GetRedecodeJob;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<RedecodeJobRequest, RedecodeJobResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/decoders/{decoderId}/redecode-jobs/{jobId}");
        Options(route => route.RequirePermission(Permission.DecodersRead));
        Summary(summary => summary.Summary = "One re-decode job: status, total, processed, failed, progress percent, error and times");
    }

    public override async Task HandleAsync(RedecodeJobRequest request, CancellationToken ct)
    {
        var job = await database.RedecodeJobs.SingleOrDefaultAsync(
            job => job.TenantId == request.TenantId && job.DecoderId == request.DecoderId && job.Id == request.JobId, ct);
        if (job is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("re-decode job"));
            return;
        }

        await Send.OkAsync(RedecodeJobResponse.Of(job), ct);
    }
}
