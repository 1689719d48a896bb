using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Tenancy.Members;

namespace Platform.Api.Features.Members.ListMembers;

public sealed class Endpoint(MemberDirectory members) : Endpoint<Request, Page<MemberResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/members");
        Options(route => route.RequirePermission(Permission.MembersRead));
        Summary(summary => summary.Summary = "Members of the tenant with their roles (tenant admins); people only, service accounts have their own routes");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await members.People(request.TenantId).ToPageAsync(request, entry => MemberResponse.From(entry.Membership, entry.User), ct), ct);
}
