using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders.CreateRedecodeJob;

/// <remarks>
/// Allowed for library decoders too: the job re-decodes the tenant's own uplinks and changes nothing
/// of the library.
/// </remarks>
public sealed class Endpoint(PlatformDbContext database, RedecodeJobs jobs) : Endpoint<Request, RedecodeJobResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/decoders/{decoderId}/redecode-jobs");
        Options(route => route.RequirePermission(Permission.DecodersManage));
        Description(route => route.ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(summary => summary.Summary =
            "Queue a re-decode of the tenant's stored uplinks in [from, to) (at most 366 days) with a version (default: the active one; " +
            "409 when none is), of the listed devices (each assigned to the decoder) or of all assigned ones (tenant admins)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (decoder, problem) = await database.FindAsync(request.TenantId, request.DecoderId, toChange: false, ct);
        DecoderVersion? version = null;
        if (problem is null)
        {
            (version, problem) = (request.Version ?? decoder!.ActiveVersion) is { } number
                ? await database.FindVersionAsync(decoder!, number, ct)
                : (null, ApiProblems.Conflict("The decoder has no active version; name the version to decode with."));
        }

        problem ??= await jobs.CheckDevicesAsync(request.TenantId, decoder!, request, "deviceIds", ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        var job = await database.InTransactionAsync(() => jobs.AddAsync(request.TenantId, version!, request, ct), ct);
        await Send.CreatedAtAsync<GetRedecodeJob.Endpoint>(new { request.TenantId, request.DecoderId, JobId = job.Id },
            RedecodeJobResponse.Of(job), cancellation: ct);
    }
}
