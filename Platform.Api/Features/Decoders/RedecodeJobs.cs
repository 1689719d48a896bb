using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Decoders;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Decoders;

/// <summary>Requests re-decode jobs of a tenant's uplinks; a worker elsewhere takes the pending ones.</summary>
public sealed class RedecodeJobs(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
{
    /// <summary>
    /// 400 on <paramref name="field"/> unless every listed device is the tenant's and decoded with the
    /// decoder. Devices of other tenants fail the same way as missing ones: nothing is revealed.
    /// </summary>
    public async Task<IResult?> CheckDevicesAsync(Guid tenantId, Decoder decoder, IRedecodeRange range, string field, CancellationToken ct)
    {
        var ids = range.DeviceIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            return null;
        }

        var qualifying = await database.Devices
            .CountAsync(device => device.TenantId == tenantId && ids.Contains(device.Id) && device.DecoderId == decoder.Id, ct);
        return qualifying == ids.Count ? null : ApiProblems.Invalid(field, "Each device must be one of the tenant's assigned to this decoder.");
    }

    /// <summary>Adds a pending job and its audit record; the caller saves both in its transaction.</summary>
    public async Task<RedecodeJob> AddAsync(Guid tenantId, DecoderVersion version, IRedecodeRange range, CancellationToken ct)
    {
        var job = new RedecodeJob(tenantId, version, range.From, range.To, range.DeviceIds ?? [], principal.UserId, time.GetUtcNow());
        database.RedecodeJobs.Add(job);
        await audit.AppendAsync(new AuditRecord(tenantId, principal.AuditActor, "decoder.redecode-requested", "decoder",
            version.DecoderId.ToString(), After: AuditJson.Of(new { JobId = job.Id, job.Version, job.From, job.To, Devices = job.DeviceIds.Count }),
            ClientAddress: principal.ClientAddress), ct);
        return job;
    }
}
