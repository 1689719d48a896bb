using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Devices;
using Platform.Core.Devices.Claims;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Devices.CreateDevice;

public sealed class Endpoint(PlatformDbContext database, ApplicationClaims claims, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, DeviceResponse>
{
    private const string DuplicateDevEui = "A device with this DevEUI exists in the tenant.";

    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/devices");
        Options(route => route.RequireResourcePermission(Permission.DeviceCreate));
        Summary(summary => summary.Summary = "Create a device in an organization (tenant admins, organization editors)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var denial = await database.CheckTargetOrganizationAsync(principal.Access, request.OrganizationId, ct)
            ?? await database.CheckDecoderAsync(request.TenantId, request.DecoderId, ct);
        if (denial is not null)
        {
            await Send.ResultAsync(denial);
            return;
        }

        var devEui = DevEui.Parse(request.DevEui);
        if (!request.NetworkServer.TryBind(out var binding, out var error))
        {
            await Send.ResultAsync(ApiProblems.Invalid("networkServer.applicationId", error));
            return;
        }

        if (await database.Devices.AnyAsync(device => device.DevEui == devEui, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict(DuplicateDevEui));
            return;
        }

        Device? device;
        try
        {
            device = await database.InTransactionAsync(async () =>
            {
                // In the transaction of the device: a refused or failed registration claims nothing.
                if (!await claims.TryClaimAsync(binding!, ct))
                {
                    return null;
                }

                var created = new Device(request.TenantId, devEui, request.Name, request.OrganizationId, binding!, request.Tags, time.GetUtcNow());
                created.AssignDecoder(request.DecoderId);
                created.SetVariables(request.Variables);
                database.Devices.Add(created);
                await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "device.created", "device",
                    created.Id.ToString(), After: AuditJson.Of(DeviceResponse.From(created)), ClientAddress: principal.ClientAddress), ct);
                return (Device?)created;
            }, ct);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another request created the same DevEUI between the check and the insert.
            await Send.ResultAsync(ApiProblems.Conflict(DuplicateDevEui));
            return;
        }

        if (device is null)
        {
            await Send.ResultAsync(ApiProblems.ApplicationClaimed(binding!));
            return;
        }

        await Send.CreatedAtAsync<GetDevice.Endpoint>(new { request.TenantId, DeviceId = device.Id },
            DeviceResponse.From(device), cancellation: ct);
    }
}
