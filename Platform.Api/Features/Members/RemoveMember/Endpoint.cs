using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using UseCase = Platform.Core.Tenancy.Members.RemoveMember;

namespace Platform.Api.Features.Members.RemoveMember;

public sealed class Endpoint(UseCase remove, CurrentPrincipal principal) : Endpoint<MemberRequest>
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
        if (await remove.ExecuteAsync(request.TenantId, request.UserId, principal.Actor, ct) is { } refusal)
        {
            await Send.ResultAsync(RefusalProblems.From(refusal));
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
