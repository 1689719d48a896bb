using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;
using Platform.Core.Tenancy.Invitations;

namespace Platform.Api.Features.Invitations.GetInvitation;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal, TimeProvider time)
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
        var invitation = await ManagedInvitations.Of(database, request.TenantId, principal.InvitingAs).AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == request.InvitationId, ct);
        if (invitation is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("invitation"));
            return;
        }

        await Send.OkAsync(InvitationResponse.From(invitation, time.GetUtcNow()), ct);
    }
}
