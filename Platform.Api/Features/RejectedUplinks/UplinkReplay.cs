using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Core.Audit;
using Platform.Core.Ingestion;
using Platform.Core.NetworkServer.Uplinks;
using Platform.Core.Persistence;
using Platform.Core.Uplinks;

namespace Platform.Api.Features.RejectedUplinks;

/// <summary>
/// Replays a rejected uplink: its stored topic and message go through <see cref="UplinkAdmission"/>
/// again (an uplink the storage refused, kept as the bus carried it, is published again as it was), exactly as the ingestion would judge them now, with device routes read fresh (a device
/// registered a moment ago counts). An uplink now admitted for a device the caller may feed is
/// published like any ingested batch and confirmed by the broker; only then is the rejection marked
/// replayed and the replay audited, in one transaction. The storage deduplicates, so an uplink that
/// also arrived again, or is replayed again after a failed commit, is stored once.
/// </summary>
/// <remarks>
/// The rejection's row is locked from before it is read until the commit: a concurrent replay of the
/// same rejection waits, then finds it replayed.
/// </remarks>
public sealed partial class UplinkReplay(
    PlatformDbContext database,
    AuditLog audit,
    UplinkAdmission admission,
    IDeviceRouteSource routes,
    UplinkBatchPublisher publisher,
    TimeProvider time,
    ILogger<UplinkReplay> logger)
{
    public const string AuditAction = "uplink.replayed";

    /// <param name="tenantId">
    /// The tenant replaying one of its rejections, which may only become an uplink of its own devices;
    /// null for a platform admin replaying a rejection without a tenant (in platform scope), which may
    /// become an uplink of any tenant's device.
    /// </param>
    public Task<(ReplayResponse? Accepted, IResult? Problem)> ReplayAsync(Guid id, Guid? tenantId, AuditActor actor,
        string? clientAddress, CancellationToken ct) =>
        database.InTransactionAsync<(ReplayResponse?, IResult?)>(async () =>
        {
            await database.Database.ExecuteSqlAsync($"SELECT FROM rejected_uplinks WHERE id = {id} FOR UPDATE", ct);
            var rejected = await database.RejectedUplinks.SingleOrDefaultAsync(r => r.Id == id && r.TenantId == tenantId, ct);
            if (rejected is null)
            {
                return (null, ApiProblems.NotFound("rejected uplink"));
            }

            if (rejected.ReplayedAt is not null)
            {
                await AuditRefusalAsync(rejected, tenantId, actor, clientAddress, "AlreadyReplayed", ct);
                return (null, ApiProblems.Conflict("The rejected uplink was already replayed."));
            }

            if (rejected.IsTruncated)
            {
                await AuditRefusalAsync(rejected, tenantId, actor, clientAddress, "Truncated", ct);
                return (null, ApiProblems.Conflict(
                    $"The message was cut at {UplinkRejection.MaxStoredMessageBytes} bytes when it was stored; it cannot be replayed."));
            }

            var now = time.GetUtcNow();
            if (rejected.MessageFormat == RejectedMessageFormat.AdmittedUplink)
            {
                return await ReplayAdmittedAsync(rejected, tenantId, actor, clientAddress, now, ct);
            }

            var result = await admission.AdmitAsync(rejected.Topic, rejected.Message, now, Activity.Current?.Id, ct);
            if (result.Admitted is { } uplink && (tenantId is null || uplink.TenantId == tenantId))
            {
                return (await PublishAsync(rejected, uplink, tenantId, actor, clientAddress, now, ct), null);
            }

            var (reason, detail) = tenantId is { } tenant
                ? await AsSeenByTenantAsync(tenant, rejected, now, ct)
                : (result.Rejection!.Reason, result.Rejection.Detail);
            await AuditRefusalAsync(rejected, tenantId, actor, clientAddress, reason.ToString(), ct);
            return (null, ApiProblems.UplinkRejected(reason.ToString(), detail));
        }, ct);

    /// <summary>
    /// An uplink the storage refused is kept as the bus carried it (the network server's message is
    /// not on the bus), so it is published again as it was, not judged from a message: only its
    /// device must still be registered, in its tenant, with the binding it came by.
    /// </summary>
    private async Task<(ReplayResponse?, IResult?)> ReplayAdmittedAsync(RejectedUplink rejected, Guid? tenantId, AuditActor actor,
        string? clientAddress, DateTimeOffset now, CancellationToken ct)
    {
        if (StorageFailedRejection.Read(rejected.Message) is not { } kept)
        {
            await AuditRefusalAsync(rejected, tenantId, actor, clientAddress, "Unreadable", ct);
            return (null, ApiProblems.Conflict("The uplink kept with the rejection cannot be read; it cannot be replayed."));
        }

        var registered = (await routes.FindAsync(kept.Uplink.DevEui, ct)).Any(route =>
            route.TenantId == kept.TenantId && route.DeviceId == kept.DeviceId && route.Binding.Kind == kept.Uplink.Kind
            && string.Equals(route.Binding.ApplicationId, kept.Uplink.ApplicationId, StringComparison.OrdinalIgnoreCase));
        if (!registered || (tenantId is not null && kept.TenantId != tenantId))
        {
            const UplinkRejectionReason reason = UplinkRejectionReason.UnknownDevice;
            await AuditRefusalAsync(rejected, tenantId, actor, clientAddress, reason.ToString(), ct);
            return (null, ApiProblems.UplinkRejected(reason.ToString(),
                $"The device the uplink was admitted for is no longer registered with DevEUI {kept.Uplink.DevEui} and this network-server binding."));
        }

        return (await PublishAsync(rejected, kept with { ReceivedAt = now, TraceParent = Activity.Current?.Id }, tenantId, actor,
            clientAddress, now, ct), null);
    }

    private async Task<ReplayResponse> PublishAsync(RejectedUplink rejected, AdmittedUplink uplink, Guid? tenantId, AuditActor actor,
        string? clientAddress, DateTimeOffset now, CancellationToken ct)
    {
        await publisher.PublishAsync(new UplinkBatch([uplink], []), ct);
        rejected.MarkReplayed(now);
        var accepted = new ReplayResponse(uplink.TenantId, uplink.DeviceId, uplink.Uplink.DeduplicationKey);
        await audit.AppendAsync(new AuditRecord(tenantId, actor, AuditAction, "rejected-uplink", rejected.Id.ToString(),
            After: AuditJson.Of(accepted), ClientAddress: clientAddress), ct);
        LogReplayed(logger, rejected.Id, uplink.TenantId, uplink.DeviceId);
        return accepted;
    }

    /// <summary>
    /// Why a tenant's replay did not become an uplink of its devices, judged from its own devices and
    /// the message alone, so the answer says nothing about any other tenant's devices. That judgement
    /// differs from the platform's only when another tenant's device matches too, which makes the
    /// uplink ambiguous; or instead, and then the tenant's own view is the truth for the tenant.
    /// </summary>
    private async Task<(UplinkRejectionReason Reason, string Detail)> AsSeenByTenantAsync(Guid tenantId, RejectedUplink rejected,
        DateTimeOffset now, CancellationToken ct)
    {
        var own = await new UplinkAdmission(new TenantDeviceRoutes(routes, tenantId))
            .AdmitAsync(rejected.Topic, rejected.Message, now, null, ct);
        return own.Rejection is { } rejection
            ? (rejection.Reason, rejection.Detail)
            : (UplinkRejectionReason.AmbiguousDevice, "The uplink cannot be attributed to exactly one device; a platform admin can resolve this.");
    }

    private Task AuditRefusalAsync(RejectedUplink rejected, Guid? tenantId, AuditActor actor, string? clientAddress, string reason,
        CancellationToken ct) =>
        audit.AppendAsync(new AuditRecord(tenantId, actor, AuditAction, "rejected-uplink", rejected.Id.ToString(),
            After: AuditJson.Of(new { reason }), ClientAddress: clientAddress, Outcome: AuditOutcome.Failure), ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected uplink {RejectionId} replayed to device {DeviceId} of tenant {TenantId}")]
    private static partial void LogReplayed(ILogger logger, Guid rejectionId, Guid tenantId, Guid deviceId);
}
