using Platform.Api.Problems;
using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Tenancy;

/// <summary>
/// The gate of the platform admin endpoints (<c>/api/admin/…</c>): platform admins only, and each use
/// enters the platform scope (the explicit cross-tenant path) and is recorded on the platform chain.
/// </summary>
public static class PlatformAdminGate
{
    /// <returns>
    /// The 403 answer for anyone else, or null once in platform scope. For endpoints that audit what
    /// they do there themselves, in the transaction of the change.
    /// </returns>
    public static IResult? Enter(PlatformDbContext database, CurrentPrincipal principal)
    {
        if (principal.PlatformRole != PlatformRole.Admin)
        {
            return ApiProblems.PlatformAdminsOnly();
        }

        database.Scope.EnterPlatformScope();
        return null;
    }

    /// <summary>For reads: enters, and records the use before anything is read.</summary>
    public static async Task<IResult?> EnterAndRecordAsync(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal,
        string action, string targetType, string? targetId, CancellationToken ct)
    {
        if (Enter(database, principal) is { } denial)
        {
            return denial;
        }

        await database.InTransactionAsync(async () =>
        {
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, action, targetType, targetId,
                ClientAddress: principal.ClientAddress), ct);
            return true;
        }, ct);
        return null;
    }
}
