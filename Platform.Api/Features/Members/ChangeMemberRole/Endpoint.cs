using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Members.ChangeMemberRole;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, SessionAuthentication sessions)
    : Endpoint<Request, MemberResponse>
{
    public override void Configure()
    {
        Patch("/api/tenants/{tenantId}/members/{userId}");
        Options(route => route.RequirePermission(Permission.MembersManage));
        Summary(summary => summary.Summary =
            "Change a member's role (tenant admins); ends the member's sessions bound to the tenant (opened through its identity provider), while their other sessions act with the new role at once; neither the last admin nor an enforced provider's break-glass admin can be demoted");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
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

        if (DelegatedGrantRule.RefuseTenantRole(request.Role, principal.IsDelegatedCredential) is { } refusal)
        {
            await Send.ResultAsync(ApiProblems.BeyondCredentialRights(refusal));
            return;
        }

        var user = await database.Users.AsNoTracking().SingleAsync(u => u.Id == membership.UserId, ct);
        var before = membership.Role;
        var conflict = before == request.Role ? null : await database.InTransactionAsync(async () =>
        {
            if (request.Role != TenantRole.Admin
                && await BreakGlassAdmins.IsBreakGlassAsync(database, request.TenantId, membership.UserId, ct))
            {
                return BreakGlassAdmins.Conflict;
            }

            if (request.Role != TenantRole.Admin
                && await TenantAdmins.IsLastAdminAsync(database, request.TenantId, membership.UserId, ct))
            {
                return "The tenant's last admin cannot be demoted.";
            }

            membership.ChangeRole(request.Role);
            // Sessions end with the role change (DECISIONS.md), as far as they are the tenant's: those
            // bound to it. No session keeps the old rights either way, since the role is read on every
            // request; the member's sessions elsewhere are not this tenant's to end.
            var sessionsRevoked = await sessions.RevokeBoundToTenantAsync(membership.UserId, request.TenantId, ct);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "member.role.changed", "user",
                membership.UserId.ToString(), AuditJson.Of(new { Role = before.ToString() }),
                AuditJson.Of(new { Role = membership.Role.ToString(), sessionsRevoked }), principal.ClientAddress), ct);
            return (string?)null;
        }, ct);
        if (conflict is not null)
        {
            await Send.ResultAsync(ApiProblems.Conflict(conflict));
            return;
        }

        await Send.OkAsync(MemberResponse.From(membership, user), ct);
    }
}
