using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Members.GetMember;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<MemberRequest, MemberResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/members/{userId}");
        Options(route => route.RequirePermission(Permission.MembersRead));
        Summary(summary => summary.Summary = "One member of the tenant (tenant admins)");
    }

    public override async Task HandleAsync(MemberRequest request, CancellationToken ct)
    {
        var member = await database.TenantMemberships.AsNoTracking()
            .Where(membership => membership.TenantId == request.TenantId && membership.UserId == request.UserId)
            .Join(database.Users, membership => membership.UserId, user => user.Id, (membership, user) => new { membership, user })
            .Where(row => row.user.Kind == UserKind.Person)
            .SingleOrDefaultAsync(ct);
        if (member is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("member"));
            return;
        }

        await Send.OkAsync(MemberResponse.From(member.membership, member.user), ct);
    }
}
