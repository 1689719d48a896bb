using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using UseCase = Platform.Core.Tenancy.Invitations.RevokeInvitation;

namespace Platform.Api.Features.Invitations.RevokeInvitation;

public sealed class Endpoint(UseCase revoke, CurrentPrincipal principal, TimeProvider time) : Endpoint<InvitationRequest, InvitationResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/invitations/{invitationId}/revoke");
        Options(route => route.RequirePermission(Permission.MembersManage).AllowPlatformAdmins());
        Summary(summary => summary.Summary = "Withdraw an open invitation: its link stops working at once; it stays listed as revoked (tenant admins)");
    }

    public override async Task HandleAsync(InvitationRequest request, CancellationToken ct)
    {
        var outcome = await revoke.ExecuteAsync(request.TenantId, request.InvitationId, principal.Actor, principal.InvitingAs, ct);
        if (!outcome.Succeeded)
        {
            await Send.ResultAsync(RefusalProblems.From(outcome.Refusal));
            return;
        }

        await Send.OkAsync(InvitationResponse.From(outcome.Value, time.GetUtcNow()), ct);
    }
}
