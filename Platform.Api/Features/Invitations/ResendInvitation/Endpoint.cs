using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using UseCase = Platform.Core.Tenancy.Invitations.ResendInvitation;

namespace Platform.Api.Features.Invitations.ResendInvitation;

public sealed class Endpoint(UseCase resend, CurrentPrincipal principal, TimeProvider time) : Endpoint<InvitationRequest, InvitationResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/invitations/{invitationId}/resend");
        Options(route => route.RequirePermission(Permission.MembersManage).AllowPlatformAdmins());
        Summary(summary => summary.Summary =
            "Mail an open invitation again with a new link and a new expiry; the old link stops working (tenant admins)");
    }

    public override async Task HandleAsync(InvitationRequest request, CancellationToken ct)
    {
        var outcome = await resend.ExecuteAsync(request.TenantId, request.InvitationId, principal.Actor, principal.InvitingAs, ct);
        if (!outcome.Succeeded)
        {
            await Send.ResultAsync(RefusalProblems.From(outcome.Refusal));
            return;
        }

        await Send.OkAsync(InvitationResponse.From(outcome.Value, time.GetUtcNow()), ct);
    }
}
