using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Tenancy.Invitations;

namespace Platform.Api.Features.Invitations.ListInvitations;

public sealed class Endpoint(InvitationDirectory invitations, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, Page<InvitationResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/invitations");
        Options(route => route.RequirePermission(Permission.MembersRead).AllowPlatformAdmins());
        Summary(summary => summary.Summary =
            "The tenant's invitations, newest first, with their state (tenant admins; platform admins see the Admin invitations they onboard with)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var state = request.State is null ? (InvitationState?)null : Enum.Parse<InvitationState>(request.State, ignoreCase: true);
        var page = await invitations.List(request.TenantId, principal.InvitingAs, state, now)
            .ToPageAsync(request, invitation => InvitationResponse.From(invitation, now), ct);
        await Send.OkAsync(page, ct);
    }
}
