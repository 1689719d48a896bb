using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Audit;
using Platform.Core.Decoders.Library;
using Platform.Core.Devices;
using Platform.Core.Devices.Claims;
using Platform.Core.Identity;
using Platform.Core.NetworkServer;
using Platform.Core.Organizations;
using Platform.Core.Persistence;

namespace Platform.Core.Tenancy;

/// <summary>
/// The local stack's demo: a tenant "Demo" whose organization "Simulated sensors" holds the
/// simulator's devices, administered by the platform admin, so that simulated uplinks belong to a
/// tenant from the first start, decoded with the platform library's decoder for the simulator's
/// payload format. Idempotent: what exists is left as it is (a device someone renamed
/// or rebound stays so), only what is missing is added, each addition audited as the system's.
/// </summary>
public sealed partial class DemoTenantBootstrap(
    PlatformDbContext database,
    DataScope scope,
    ApplicationClaims claims,
    AuditLog audit,
    TimeProvider time,
    ILogger<DemoTenantBootstrap> logger)
{
    public const string TenantSlug = "demo";
    public const string TenantName = "Demo";
    public const string OrganizationName = "Simulated sensors";

    private static readonly Dictionary<string, string> DeviceTags = new() { ["simulated"] = "true" };

    public async Task EnsureAsync(string adminEmail, SimulatedFleet fleet, CancellationToken cancellationToken)
    {
        // Before anything is written: a fleet the settings cannot describe fails the whole bootstrap.
        var members = fleet.Members();
        var binding = fleet.Binding;
        var email = User.NormalizeEmail(adminEmail);
        var admin = await database.Users.SingleOrDefaultAsync(user => user.Email == email, cancellationToken)
            ?? throw new InvalidOperationException("The platform admin must exist before the demo tenant is bootstrapped.");

        var tenantId = await EnsureTenantAsync(cancellationToken);

        // Everything inside the tenant is written in the tenant's own scope, so row-level security
        // checks each row against it rather than trusting the platform scope.
        scope.Clear();
        scope.EnterTenant(tenantId);
        var added = await database.InTransactionAsync(async () =>
        {
            var organizationId = await EnsureOrganizationAsync(tenantId, cancellationToken);
            await EnsureAdminMembershipAsync(tenantId, admin.Id, cancellationToken);
            // The simulator's application is the demo tenant's, like any tenant's first registration.
            if (!await claims.TryClaimAsync(binding, cancellationToken))
            {
                LogApplicationOfAnotherTenant(logger, binding.Kind, binding.ApplicationId);
                return 0;
            }

            return await AddMissingDevicesAsync(tenantId, organizationId, members, binding, cancellationToken);
        }, cancellationToken);
        scope.Clear();

        LogDevices(logger, TenantSlug, added, members.Count - added, binding.Kind, binding.ApplicationId);
    }

    /// <summary>The tenant record is the platform's: found or created in the platform scope, and only that.</summary>
    private async Task<Guid> EnsureTenantAsync(CancellationToken cancellationToken)
    {
        scope.EnterPlatformScope();
        var existing = await database.Tenants.Where(tenant => tenant.Slug == TenantSlug)
            .Select(tenant => (Guid?)tenant.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        return await database.InTransactionAsync(async () =>
        {
            var created = new Tenant(TenantSlug, TenantName, time.GetUtcNow());
            database.Tenants.Add(created);
            await audit.AppendAsync(new AuditRecord(null, AuditActor.System, "tenant.created", "tenant", created.Id.ToString(),
                After: AuditJson.Of(new { created.Slug, created.Name, Source = "demo-bootstrap" })), cancellationToken);
            LogTenantCreated(logger, TenantSlug);
            return created.Id;
        }, cancellationToken);
    }

    private async Task<Guid> EnsureOrganizationAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var existing = await database.Organizations.Where(organization => organization.Name == OrganizationName)
            .Select(organization => (Guid?)organization.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var created = new Organization(tenantId, OrganizationName, time.GetUtcNow());
        database.Organizations.Add(created);
        await audit.AppendAsync(new AuditRecord(tenantId, AuditActor.System, "organization.created", "organization",
            created.Id.ToString(), After: AuditJson.Of(new { created.Name, Source = "demo-bootstrap" })), cancellationToken);
        return created.Id;
    }

    /// <summary>An existing membership keeps its role: someone may have changed it on purpose.</summary>
    private async Task EnsureAdminMembershipAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        if (await database.TenantMemberships.AnyAsync(
                membership => membership.TenantId == tenantId && membership.UserId == userId, cancellationToken))
        {
            return;
        }

        var added = new TenantMembership(tenantId, userId, TenantRole.Admin, time.GetUtcNow());
        database.TenantMemberships.Add(added);
        await audit.AppendAsync(new AuditRecord(tenantId, AuditActor.System, "member.added", "user", userId.ToString(),
            After: AuditJson.Of(new { Role = added.Role.ToString(), Source = "demo-bootstrap" })), cancellationToken);
    }

    private async Task<int> AddMissingDevicesAsync(Guid tenantId, Guid organizationId, IReadOnlyList<SimulatedFleetDevice> members,
        NetworkServerBinding binding, CancellationToken cancellationToken)
    {
        // The whole tenant at once: a demo tenant holds the simulator's fleet (thousands at most),
        // and one query beats one per DevEUI.
        var registered = (await database.Devices.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(device => device.DevEui);
        var rebound = members.Count(member => registered.TryGetValue(member.DevEui, out var device) && device.NetworkServer != binding);
        if (rebound > 0)
        {
            // Left alone as promised, but their uplinks will now be refused as a binding mismatch.
            LogOtherBinding(logger, rebound, binding.Kind, binding.ApplicationId);
        }

        // The library decoder for the simulator's payloads: installed by the migration just before.
        var decoderId = await database.Decoders.AsNoTracking()
            .Where(decoder => decoder.TenantId == null && decoder.Name == DecoderLibrary.EnvironmentSensorName)
            .Select(decoder => (Guid?)decoder.Id).SingleOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var member in members.Where(member => !registered.ContainsKey(member.DevEui)))
        {
            // A copy each: EF tracks an owned value by reference, and one instance shared by several
            // devices would be saved for one of them only.
            var device = new Device(tenantId, member.DevEui, member.Name, organizationId, binding with { }, DeviceTags, now);
            device.AssignDecoder(decoderId);
            database.Devices.Add(device);
            await audit.AppendAsync(new AuditRecord(tenantId, AuditActor.System, "device.created", "device", device.Id.ToString(),
                After: AuditJson.Of(new
                {
                    device.Id,
                    DevEui = device.DevEui.Value,
                    device.Name,
                    device.OrganizationId,
                    device.Tags,
                    device.DecoderId,
                    NetworkServer = new { Kind = binding.Kind.ToString(), binding.ApplicationId },
                    device.CreatedAt,
                    Source = "demo-bootstrap",
                })), cancellationToken);
            added++;
        }

        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo tenant {Slug} created")]
    private static partial void LogTenantCreated(ILogger logger, string slug);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo tenant {Slug}: {Added} simulated device(s) registered, {Existing} already there ({Kind} application {ApplicationId})")]
    private static partial void LogDevices(ILogger logger, string slug, int added, int existing, NetworkServerKind kind, string applicationId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The simulator's {Kind} application {ApplicationId} belongs to another tenant; no demo device registered under it")]
    private static partial void LogApplicationOfAnotherTenant(ILogger logger, NetworkServerKind kind, string applicationId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} demo device(s) are bound to another network server than the simulator's {Kind} application {ApplicationId}; left unchanged, their uplinks will be refused")]
    private static partial void LogOtherBinding(ILogger logger, int count, NetworkServerKind kind, string applicationId);
}
