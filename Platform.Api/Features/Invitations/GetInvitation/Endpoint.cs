using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Tenancy.Invitations;

namespace Platform.Api.Features.Invitations.GetInvitation;

public sealed class Endpoint(InvitationDirectory invitations, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<InvitationRequest, InvitationResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/invitations/{invitationId}");
        Options(route => route.RequirePermission(Permission.MembersRead).AllowPlatformAdmins());
        Summary(summary => summary.Summary = "One invitation with its state and last delivery (tenant admins)");
    }

    public override async Task HandleAsync(InvitationRequest request, CancellationToken ct)
    {
        if (await invitations.FindAsync(request.TenantId, request.InvitationId, principal.InvitingAs, ct) is not { } invitation)
        {
            await Send.ResultAsync(ApiProblems.NotFound("invitation"));
            return;
        }

        await Send.OkAsync(InvitationResponse.From(invitation, time.GetUtcNow()), ct);
    }
}
