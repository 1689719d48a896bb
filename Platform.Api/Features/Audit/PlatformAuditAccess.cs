using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Audit;

/// <summary>
/// The gate of the platform audit endpoints: platform admins only, and each use enters the platform
/// scope (the explicit cross-tenant path) and is itself recorded on the platform chain before any read.
/// </summary>
public static class PlatformAuditAccess
{
    /// <returns>The 403 answer for anyone else, or null once the use is recorded.</returns>
    public static async Task<IResult?> EnterAsync(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal,
        string action, CancellationToken ct)
    {
        if (principal.PlatformRole != PlatformRole.Admin)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Only platform admins may do this.", type: ProblemTypes.Forbidden);
        }

        database.Scope.EnterPlatformScope();
        await database.InTransactionAsync(async () =>
        {
            await audit.AppendAsync(new AuditRecord(null, principal.AuditActor, action, "audit", AuditChainHead.PlatformChain,
                ClientAddress: principal.ClientAddress), ct);
            return true;
        }, ct);
        return null;
    }
}
