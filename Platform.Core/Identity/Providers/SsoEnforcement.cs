using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// The one rule of an enforcing tenant: a credential not bound to it acts there for nobody but the
/// break-glass admin. Read in the tenant's data scope (its providers are behind row-level security).
/// </summary>
public static class SsoEnforcement
{
    /// <summary>Whether the tenant in scope enforces SSO with someone other than this user as break-glass admin.</summary>
    public static Task<bool> RefusesUnboundAsync(this PlatformDbContext database, Guid userId, CancellationToken cancellationToken) =>
        database.IdentityProviders.AnyAsync(
            provider => provider.State == IdentityProviderState.Enforced && provider.BreakGlassUserId != userId, cancellationToken);
}
