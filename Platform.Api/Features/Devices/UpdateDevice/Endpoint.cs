using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Devices.Claims;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.UpdateDevice;

public sealed class Endpoint(PlatformDbContext database, ApplicationClaims claims, AuditLog audit, CurrentPrincipal principal) : Endpoint<Request, DeviceResponse>
{
    public override void Configure()
    {
        Patch("/api/tenants/{tenantId}/devices/{deviceId}");
        Options(route => route.RequireResourcePermission(Permission.DeviceUpdate));
        Summary(summary => summary.Summary =
            "Change a device's name, tags, binding, decoder (decoderId: a UUID, or null for none) or decoder variables, or move it to " +
            "another organization (which also needs the right to create devices there)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var access = principal.Access;
        var (device, problem) = await database.FindAsync(access, request.DeviceId, Permission.DeviceUpdate, ct);
        if (problem is null && request.OrganizationId is { } target && target != device!.OrganizationId)
        {
            problem = await database.CheckTargetOrganizationAsync(access, target, ct);
        }

        NetworkServerBinding? binding = null;
        if (problem is null && request.NetworkServer is not null && !request.NetworkServer.TryBind(out binding, out var error))
        {
            problem = ApiProblems.Invalid("networkServer.applicationId", error);
        }

        DeviceDecoder.TryReadChange(request.DecoderId, out var changesDecoder, out var decoderId);
        if (problem is null && changesDecoder)
        {
            problem = await database.CheckDecoderAsync(request.TenantId, decoderId, ct);
        }

        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        var before = DeviceResponse.From(device!);
        // A device moved to another application claims it, as a new device would; staying under its
        // own (in any letter case) needs no claim.
        var claimsApplication = binding is not null && !binding.IsSameApplicationAs(device!.NetworkServer);
        var updated = await database.InTransactionAsync(async () =>
        {
            if (claimsApplication && !await claims.TryClaimAsync(binding!, ct))
            {
                return false;
            }

            device!.Rename(request.Name ?? device.Name);
            device.Retag(request.Tags ?? device.Tags);
            device.BindTo(binding ?? device.NetworkServer);
            device.AssignTo(request.OrganizationId ?? device.OrganizationId);
            device.SetVariables(request.Variables ?? device.Variables);
            device.AssignDecoder(changesDecoder ? decoderId : device.DecoderId);
            await AuditAsync(request.TenantId, before, device, ct);
            return true;
        }, ct);
        if (!updated)
        {
            await Send.ResultAsync(ApiProblems.ApplicationClaimed(binding!));
            return;
        }

        await Send.OkAsync(DeviceResponse.From(device!), ct);
    }

    // A move between organizations changes who sees the device, so it is an audit action of its own.
    private async Task AuditAsync(Guid tenantId, DeviceResponse before, Device device, CancellationToken ct)
    {
        var after = DeviceResponse.From(device);
        if (before.Name != after.Name || !before.Tags.SequenceEqual(after.Tags) || before.NetworkServer != after.NetworkServer
            || !before.Variables.SequenceEqual(after.Variables))
        {
            await audit.AppendAsync(new AuditRecord(tenantId, principal.AuditActor, "device.updated", "device", device.Id.ToString(),
                AuditJson.Of(new { before.Name, before.Tags, before.NetworkServer, before.Variables }),
                AuditJson.Of(new { after.Name, after.Tags, after.NetworkServer, after.Variables }), principal.ClientAddress), ct);
        }

        // Which decoder runs decides what the device's measurements are, so it is an audit action of its own.
        if (after.DecoderId != before.DecoderId)
        {
            await audit.AppendAsync(new AuditRecord(tenantId, principal.AuditActor, "device.decoder-assigned", "device", device.Id.ToString(),
                AuditJson.Of(new { before.DecoderId }), AuditJson.Of(new { after.DecoderId }), principal.ClientAddress), ct);
        }

        if (after.OrganizationId != before.OrganizationId)
        {
            await audit.AppendAsync(new AuditRecord(tenantId, principal.AuditActor, "device.assigned", "device", device.Id.ToString(),
                AuditJson.Of(new { before.OrganizationId }), AuditJson.Of(new { after.OrganizationId }), principal.ClientAddress), ct);
        }
    }
}
