using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Audit;

/// <summary>
/// The gate of the platform audit endpoints: platform admins only, and each use enters the platform
/// scope (the explicit cross-tenant path) and is itself recorded on the platform chain before any read.
/// </summary>
public static class PlatformAuditAccess
{
    /// <returns>The 403 answer for anyone else, or null once the use is recorded.</returns>
    public static Task<IResult?> EnterAsync(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal,
        string action, CancellationToken ct) =>
        PlatformAdminGate.EnterAndRecordAsync(database, audit, principal, action, "audit", AuditChainHead.PlatformChain, ct);
}
