using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using UseCase = Platform.Core.Tenancy.Members.ChangeMemberRole;

namespace Platform.Api.Features.Members.ChangeMemberRole;

public sealed class Endpoint(UseCase change, CurrentPrincipal principal) : Endpoint<Request, MemberResponse>
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
        var outcome = await change.ExecuteAsync(request.TenantId, request.UserId, request.Role, principal.Actor, ct);
        if (!outcome.Succeeded)
        {
            await Send.ResultAsync(RefusalProblems.From(outcome.Refusal));
            return;
        }

        await Send.OkAsync(MemberResponse.From(outcome.Value.Membership, outcome.Value.User), ct);
    }
}
