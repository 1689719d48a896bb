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
            "Enforce sign-in through an enabled provider: local passwords of the tenant's users stop working, except the named break-glass admin's, and their open sessions end (tenant admins)");
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

        var problem = await IdentityProviderTransition.ApplyAsync(database, audit, principal, provider, "enforced",
            enforced => enforced.Enforce(candidate, time.GetUtcNow()), ct, () => EndSessionsAsync(request.TenantId, candidate.UserId, ct));
        await (problem is not null ? Send.ResultAsync(problem) : Send.OkAsync(IdentityProviderResponse.From(provider), ct));
    }

    /// <summary>
    /// Ends the open sessions of the tenant's members but the break-glass admin: a session opened
    /// with a password must not outlive the switch-off of passwords by up to 12 hours. Sessions do not
    /// say how they were opened, so SSO sessions end too; their users simply sign in again.
    /// </summary>
    private async Task EndSessionsAsync(Guid tenantId, Guid breakGlassUserId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var members = database.TenantMemberships
            .Where(membership => membership.TenantId == tenantId && membership.UserId != breakGlassUserId)
            .Select(membership => membership.UserId);
        var sessionsRevoked = await database.Sessions.Where(session => members.Contains(session.UserId) && session.RevokedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(session => session.RevokedAt, now), ct);
        await audit.AppendAsync(new AuditRecord(tenantId, principal.AuditActor, "session.revoked", "tenant", tenantId.ToString(),
            After: AuditJson.Of(new { reason = "sso-enforced", sessionsRevoked }), ClientAddress: principal.ClientAddress), ct);
    }
}
