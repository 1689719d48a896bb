using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Devices.Claims;

/// <summary>
/// Which tenant a network-server application belongs to: claimed by the first device registered
/// under it, or assigned by a platform admin. A device of another tenant is never bound to it, so
/// one DevEUI under one application is one tenant's device (<see cref="Ingestion.UplinkAdmission"/>).
/// </summary>
public sealed class ApplicationClaims(PlatformDbContext database)
{
    /// <summary>
    /// Claims the binding's application for the scope's tenant unless another tenant owns it, inside
    /// the caller's transaction (a failed registration leaves no claim behind). True when the tenant
    /// owns it now; false says only "another tenant's", never whose.
    /// </summary>
    public async Task<bool> TryClaimAsync(NetworkServerBinding binding, CancellationToken cancellationToken)
    {
        var kind = binding.Kind.ToString();
        var key = binding.ClaimKey;
        var applicationId = binding.ApplicationId;
        var owned = await database.Database.SqlQuery<bool>(
                $"SELECT platform_claim_network_server_application({kind}, {key}, {applicationId}) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return owned.Single();
    }

    /// <summary>Every claim, by kind and application, in platform scope (elsewhere row-level security shows a tenant only its own).</summary>
    public async Task<IReadOnlyList<ApplicationClaim>> ListAsync(CancellationToken cancellationToken) =>
        await database.Database.SqlQuery<ApplicationClaim>($"""
                SELECT c.network_server_kind AS kind, c.application_id, c.tenant_id, c.claimed_at
                FROM network_server_application_claims c
                ORDER BY c.network_server_kind, c.application_key
                """)
            .ToListAsync(cancellationToken);

    public async Task<ApplicationClaim?> FindAsync(NetworkServerBinding binding, CancellationToken cancellationToken)
    {
        var kind = binding.Kind.ToString();
        var key = binding.ClaimKey;
        var found = await database.Database.SqlQuery<ApplicationClaim>($"""
                SELECT c.network_server_kind AS kind, c.application_id, c.tenant_id, c.claimed_at
                FROM network_server_application_claims c
                WHERE c.network_server_kind = {kind} AND c.application_key = {key}
                """)
            .ToListAsync(cancellationToken);
        return found.SingleOrDefault();
    }

    /// <summary>A platform admin's decision: the application is the tenant's from now on, whoever had it.</summary>
    public async Task AssignAsync(NetworkServerBinding binding, Guid tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = binding.Kind.ToString();
        var key = binding.ClaimKey;
        var applicationId = binding.ApplicationId;
        await database.Database.ExecuteSqlAsync($"""
            INSERT INTO network_server_application_claims (network_server_kind, application_key, application_id, tenant_id, claimed_at)
            VALUES ({kind}, {key}, {applicationId}, {tenantId}, {now})
            ON CONFLICT (network_server_kind, application_key)
            DO UPDATE SET tenant_id = excluded.tenant_id, application_id = excluded.application_id, claimed_at = excluded.claimed_at
            """, cancellationToken);
    }

    /// <summary>A platform admin's decision: the next tenant to register a device under it claims it.</summary>
    public async Task<bool> ReleaseAsync(NetworkServerBinding binding, CancellationToken cancellationToken)
    {
        var kind = binding.Kind.ToString();
        var key = binding.ClaimKey;
        return await database.Database.ExecuteSqlAsync(
            $"DELETE FROM network_server_application_claims WHERE network_server_kind = {kind} AND application_key = {key}",
            cancellationToken) > 0;
    }
}
