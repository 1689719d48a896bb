using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Members.ListMembers;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<Request, Page<MemberResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/members");
        Options(route => route.RequirePermission(Permission.MembersRead));
        Summary(summary => summary.Summary = "Members of the tenant with their roles (tenant admins); people only, service accounts have their own routes");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var query = database.TenantMemberships
            .Where(membership => membership.TenantId == request.TenantId)
            .Join(database.Users, membership => membership.UserId, user => user.Id, (membership, user) => new { membership, user })
            // Service accounts are members for authorization only; they are listed under /service-accounts.
            .Where(row => row.user.Kind == UserKind.Person)
            .OrderBy(row => row.membership.CreatedAt).ThenBy(row => row.membership.UserId);
        await Send.OkAsync(await query.ToPageAsync(request, row => MemberResponse.From(row.membership, row.user), ct), ct);
    }
}
