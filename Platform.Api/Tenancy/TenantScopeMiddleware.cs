using Platform.Api.Problems;
using Platform.Core.Authorization;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Identity;
using Platform.Core.Identity.Mfa;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Tenancy;

/// <summary>
/// Runs before every endpoint under <c>/api/tenants/{tenantId}</c>: a caller who is not a member of
/// the tenant gets 404 (whether the tenant exists or not), a member without the declared tenant
/// permission 403. Then the data scope enters the tenant, for EF's filters and PostgreSQL's RLS.
/// A tenant route that declares no permission is a programming error and fails loudly.
/// An API token reaches only its own tenant's routes (another tenant's: 404, like any non-member;
/// a route outside any tenant: 403) with its owner's current rights narrowed to its scopes; a tenant
/// provider's access token is bound to its tenant the same way, with the linked user's rights. A
/// tenant that enforces SSO refuses its members' other sessions (403 <c>sso-required</c>); a tenant
/// that requires MFA refuses sessions of its local members who have none (403 <c>mfa-enrolment-required</c>).
/// Both are the tenant's own rules: they close that tenant's routes, never the member's others.
/// </summary>
/// <remarks>
/// A middleware after authentication and authorization, not an endpoint filter: it then covers
/// every endpoint, whatever each one configures for itself.
/// </remarks>
internal sealed class TenantScopeMiddleware(RequestDelegate next)
{
    public const string TenantRouteValue = "tenantId";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetRouteValue(TenantRouteValue) is not string tenantText || http.User.Identity?.IsAuthenticated != true)
        {
            if (http.User.Identity?.IsAuthenticated == true
                && http.RequestServices.GetRequiredService<CurrentPrincipal>() is { BoundTenantId: not null, IsDelegatedCredential: true } bound)
            {
                await (bound.ApiToken is not null ? ApiProblems.NotWithApiToken() : ApiProblems.TenantBoundCredential()).ExecuteAsync(http);
                return;
            }

            await next(http);
            return;
        }

        var denial = await EnterTenantAsync(http, tenantText);
        if (denial is not null)
        {
            await denial.ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    private static async Task<IResult?> EnterTenantAsync(HttpContext http, string tenantText)
    {
        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>()
            ?? throw new InvalidOperationException($"{http.GetEndpoint()?.DisplayName} is a tenant route without a declared permission.");
        if (!Guid.TryParse(tenantText, out var tenantId))
        {
            return TenantNotFound();
        }

        var principal = http.RequestServices.GetRequiredService<CurrentPrincipal>();
        if (principal.BoundTenantId is { } boundTenant && boundTenant != tenantId)
        {
            return TenantNotFound();
        }

        var scope = http.RequestServices.GetRequiredService<DataScope>();
        scope.EnterTenant(tenantId);
        var access = await http.RequestServices.GetRequiredService<TenantAccessLoader>()
            .LoadAsync(tenantId, principal.UserId, principal.PlatformRole, http.RequestAborted);
        if (principal.ApiToken is { } scoped)
        {
            access = access.RestrictedTo(ApiTokenScopes.PermissionsOf(scoped.Scopes));
        }
        if (!access.IsMember && principal.PlatformRole == PlatformRole.Admin
            && http.GetEndpoint()?.Metadata.GetMetadata<PlatformAdminAccess>() is not null)
        {
            scope.EnterPlatformScope();
            principal.EnterTenant(access);
            return null;
        }

        if (!access.IsMember)
        {
            scope.Clear();
            scope.IdentifyUser(principal.UserId);
            return TenantNotFound();
        }

        // A suspended tenant keeps its data but its members cannot use it; platform admins can, to
        // sort out whatever led to the suspension.
        if (principal.PlatformRole != PlatformRole.Admin && await IsSuspendedAsync(http, tenantId))
        {
            return ApiProblems.TenantSuspended();
        }

        // Enforced SSO: a member reaches the tenant only with credentials bound to it (a session or an
        // access token of its provider, an API token of the tenant); a session opened with a password
        // or through the platform's provider, or the platform provider's access token, gets no
        // further, the break-glass admin's excepted. Checked per request, so it holds from the moment
        // of enforcement on, and only here: the member's other tenants are not this tenant's to close.
        // Platform admins keep their platform-admin routes on a tenant they also belong to: a tenant's
        // admin, who can add any account as a member, must not be able to lock the operators out.
        var asPlatformAdmin = principal.PlatformRole == PlatformRole.Admin
            && http.GetEndpoint()?.Metadata.GetMetadata<PlatformAdminAccess>() is not null;
        if (principal.BoundTenantId is null && !asPlatformAdmin
            && await http.RequestServices.GetRequiredService<PlatformDbContext>().RefusesUnboundAsync(principal.UserId, http.RequestAborted))
        {
            return ApiProblems.SsoRequired();
        }

        // Required MFA, the same way: the tenant refuses sessions of its local members without MFA
        // until they enrol, on its own routes only; the member's other tenants, their own routes
        // (/api/me, enrolment) and a platform admin's platform-admin routes stay open. Sessions only:
        // API tokens are explicit, scoped, expiring credentials that the tenant's admins list and
        // revoke, and a refused session cannot create new ones here.
        if (!principal.IsDelegatedCredential && !asPlatformAdmin
            && await http.RequestServices.GetRequiredService<MultiFactorAuthentication>()
                .IsEnrolmentRequiredInAsync(principal.UserId, tenantId, http.RequestAborted))
        {
            return ApiProblems.MfaEnrolmentRequired();
        }

        if (principal.IsDelegatedCredential && http.GetEndpoint()?.Metadata.GetMetadata<NoApiTokens>() is not null)
        {
            return ApiProblems.NotWithApiToken();
        }

        if (!required.OnResource && !access.Allows(required.Permission))
        {
            return ApiProblems.Forbidden();
        }

        principal.EnterTenant(access);
        return null;
    }

    private static Task<bool> IsSuspendedAsync(HttpContext http, Guid tenantId) =>
        http.RequestServices.GetRequiredService<PlatformDbContext>().Tenants
            .AnyAsync(tenant => tenant.Id == tenantId && tenant.Status == TenantStatus.Suspended, http.RequestAborted);

    private static IResult TenantNotFound() => ApiProblems.NotFound("tenant");
}
