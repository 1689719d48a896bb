using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Members;

/// <summary>
/// The rule that an enforced provider keeps its break-glass admin: while the tenant's passwords are
/// switched off, that admin is the way back in should the provider fail, so they cannot be demoted
/// or removed (relax the provider, or enforce it with another break-glass admin, first).
/// </summary>
public static class BreakGlassAdmins
{
    public const string Conflict =
        "This member is the break-glass admin of an enforced identity provider; relax it or name another break-glass admin first.";

    public static Task<bool> IsBreakGlassAsync(PlatformDbContext database, Guid tenantId, Guid userId, CancellationToken ct) =>
        database.IdentityProviders.AnyAsync(provider => provider.TenantId == tenantId && provider.BreakGlassUserId == userId
            && provider.State == IdentityProviderState.Enforced, ct);
}
