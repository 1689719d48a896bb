using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Authentication;
using Platform.Api.Tenancy;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Me.GetMe;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/me");
        Summary(summary => summary.Summary = "The caller: user, platform role and tenant memberships (a session opened through a tenant's provider: that tenant only, no platform role)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var user = await database.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        // The data scope names this user, so their memberships in every tenant are visible. A session
        // opened through a tenant's provider sees that tenant only: the provider vouches for nothing else.
        var bound = principal.BoundTenantId;
        var roles = await database.TenantMemberships.AsNoTracking()
            .Where(membership => membership.UserId == userId && (bound == null || membership.TenantId == bound))
            .ToDictionaryAsync(membership => membership.TenantId, membership => membership.Role, ct);
        var memberships = await database.Tenants.AsNoTracking()
            .Where(tenant => roles.Keys.Contains(tenant.Id))
            .OrderBy(tenant => tenant.Slug)
            .Select(tenant => new { tenant.Id, tenant.Slug, tenant.Name })
            .ToListAsync(ct);
        // The role this session acts with: none for a tenant-bound one, whatever the account holds.
        await Send.OkAsync(new Response(user.Id, user.Email, user.DisplayName, principal.PlatformRole.ToString(),
            memberships.Select(tenant => new Membership(tenant.Id, tenant.Slug, tenant.Name, roles[tenant.Id].ToString())).ToList()), ct);
    }
}
