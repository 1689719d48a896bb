using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Tenancy.Members;

namespace Platform.Api.Features.Members.GetMember;

public sealed class Endpoint(MemberDirectory members) : Endpoint<MemberRequest, MemberResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/members/{userId}");
        Options(route => route.RequirePermission(Permission.MembersRead));
        Summary(summary => summary.Summary = "One member of the tenant (tenant admins)");
    }

    public override async Task HandleAsync(MemberRequest request, CancellationToken ct)
    {
        if (await members.FindAsync(request.TenantId, request.UserId, ct) is not { } member)
        {
            await Send.ResultAsync(ApiProblems.NotFound("member"));
            return;
        }

        await Send.OkAsync(MemberResponse.From(member.Membership, member.User), ct);
    }
}
