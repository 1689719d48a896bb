using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Features.Tokens;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Members.RemoveMember;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, SessionAuthentication sessions,
    ApiTokenAuthentication apiTokens)
    : Endpoint<MemberRequest>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/members/{userId}");
        Options(route => route.RequirePermission(Permission.MembersManage));
        Summary(summary => summary.Summary =
            "Remove a member and their grants (tenant admins); ends the member's sessions bound to the tenant (opened through its identity provider) and revokes their API tokens in the tenant, while their other sessions lose the tenant at once and keep the rest; the last admin and an enforced provider's break-glass admin cannot be removed");
    }

    public override async Task HandleAsync(MemberRequest request, CancellationToken ct)
    {
        // A service account's membership is changed through its own routes, never as a person's.
        var membership = await database.TenantMemberships
            .Where(m => m.TenantId == request.TenantId && m.UserId == request.UserId)
            .Where(m => database.Users.Any(user => user.Id == m.UserId && user.Kind == UserKind.Person))
            .SingleOrDefaultAsync(ct);
        if (membership is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("member"));
            return;
        }

        var conflict = await database.InTransactionAsync(async () =>
        {
            if (await BreakGlassAdmins.IsBreakGlassAsync(database, request.TenantId, membership.UserId, ct))
            {
                return BreakGlassAdmins.Conflict;
            }

            if (await TenantAdmins.IsLastAdminAsync(database, request.TenantId, membership.UserId, ct))
            {
                return "The tenant's last admin cannot be removed.";
            }

            // The database cascades the membership's organization and device grants.
            database.TenantMemberships.Remove(membership);
            // The tenant's own: its bound sessions and its tokens. The member's other sessions stay theirs
            // (their other tenants are not this tenant's to close); membership is read per request, so
            // they reach this tenant no more from now on.
            var sessionsRevoked = await sessions.RevokeBoundToTenantAsync(membership.UserId, request.TenantId, ct);
            var tokens = await apiTokens.RevokeAllAsync(request.TenantId, membership.UserId, ct);
            await RevokedTokensAudit.AppendAsync(audit, principal, request.TenantId, tokens, ct);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "member.removed", "user",
                membership.UserId.ToString(), AuditJson.Of(new { Role = membership.Role.ToString() }),
                AuditJson.Of(new { sessionsRevoked, tokensRevoked = tokens.Count }), principal.ClientAddress), ct);
            return (string?)null;
        }, ct);
        if (conflict is not null)
        {
            await Send.ResultAsync(ApiProblems.Conflict(conflict));
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
