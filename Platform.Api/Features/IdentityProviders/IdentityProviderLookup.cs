using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders;

internal static class IdentityProviderLookup
{
    /// <summary>The route's provider in the route's tenant (the tenant filter applies as well); null answers 404.</summary>
    public static Task<TenantIdentityProvider?> FindAsync(PlatformDbContext database, IdentityProviderRequest request, bool tracked,
        CancellationToken ct)
    {
        var providers = tracked ? database.IdentityProviders : database.IdentityProviders.AsNoTracking();
        return providers.SingleOrDefaultAsync(provider => provider.TenantId == request.TenantId && provider.Id == request.ProviderId, ct);
    }
}
