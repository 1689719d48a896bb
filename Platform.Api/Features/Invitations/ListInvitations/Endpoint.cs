using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;
using Platform.Core.Tenancy.Invitations;

namespace Platform.Api.Features.Invitations.ListInvitations;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal, TimeProvider time)
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
        var query = ManagedInvitations.Of(database, request.TenantId, principal.InvitingAs);
        query = request.State switch
        {
            "sent" => query.Where(i => i.Status == InvitationStatus.Open && i.ExpiresAt > now),
            "expired" => query.Where(i => i.Status == InvitationStatus.Expired || (i.Status == InvitationStatus.Open && i.ExpiresAt <= now)),
            "accepted" => query.Where(i => i.Status == InvitationStatus.Accepted),
            "revoked" => query.Where(i => i.Status == InvitationStatus.Revoked),
            _ => query,
        };
        var ordered = query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id);
        await Send.OkAsync(await ordered.ToPageAsync(request, invitation => InvitationResponse.From(invitation, now), ct), ct);
    }
}
