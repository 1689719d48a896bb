using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders.EnforceIdentityProvider;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, IdentityProviderResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/identity-providers/{providerId}/enforce");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary =
            "Enforce sign-in through an enabled provider (tenant admins): the tenant's routes refuse its members' sessions not opened through it (403 sso-required) except the named break-glass admin's; a password login is refused when none of the user's tenants would take it");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var provider = await IdentityProviderLookup.FindAsync(database, request, tracked: true, ct);
        if (provider is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("identity provider"));
            return;
        }

        // Only a member of this tenant is looked at, so another tenant's user id reveals nothing.
        var candidate = await database.TenantMemberships
            .Where(membership => membership.TenantId == request.TenantId && membership.UserId == request.BreakGlassUserId)
            .Join(database.Users, membership => membership.UserId, user => user.Id,
                (membership, user) => new BreakGlassCandidate(user.Id, membership.Role, user.PasswordHash != null))
            .SingleOrDefaultAsync(ct);
        if (candidate is not { TenantRole: Core.Tenancy.TenantRole.Admin, HasLocalPassword: true })
        {
            await Send.ResultAsync(ApiProblems.Invalid("breakGlassUserId",
                "The break-glass user must be an admin of this tenant with a local password."));
            return;
        }

        // One enforced provider per tenant: two, each with its own break-glass admin, would each count
        // the other's admin as an ordinary member, and nobody would keep a password.
        if (await database.IdentityProviders.AnyAsync(other => other.Id != provider.Id && other.State == IdentityProviderState.Enforced, ct))
        {
            await Send.ResultAsync(ApiProblems.Conflict("Another identity provider of this tenant is enforced; relax it first."));
            return;
        }

        // No session needs ending: from now on this tenant refuses every session of its members not
        // opened through its provider (TenantScopeMiddleware), while their other tenants stay theirs.
        var problem = await IdentityProviderTransition.ApplyAsync(database, audit, principal, provider, "enforced",
            enforced => enforced.Enforce(candidate, time.GetUtcNow()), ct);
        await (problem is not null ? Send.ResultAsync(problem) : Send.OkAsync(IdentityProviderResponse.From(provider), ct));
    }
}
