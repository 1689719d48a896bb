using Platform.Api.Requests;
using FastEndpoints;
using Platform.Api.Features.Invitations;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Tenancy.Invitations;

namespace Platform.Api.Features.Members.AddMember;

public sealed class Endpoint(InviteMember invite, CurrentPrincipal principal, TimeProvider time) : Endpoint<Request, InvitationResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/members");
        // A client written for admin-chosen passwords may still send one: never in a URL either.
        Options(route => route.RequirePermission(Permission.MembersManage).AllowPlatformAdmins().TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "Invite a person into the tenant with a role (tenant admins; platform admins invite Admins only)";
            summary.Description = "Sends an invitation to the address; the membership exists once the person accepts through the link. "
                + "The answer is the same whether or not the address has an account. Nobody sets another person's password.";
            summary.Response<InvitationResponse>(202, "Invited: the invitation, at …/invitations/{invitationId}");
            summary.Response(409, "The address is a member already (code already-member), or an invitation to it is open (code invitation-open)");
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var outcome = await invite.ExecuteAsync(new InviteMemberRequest(request.TenantId, request.Email, request.DisplayName, request.Role),
            principal.Actor, principal.InvitingAs, ct);
        if (!outcome.Succeeded)
        {
            await Send.ResultAsync(RefusalProblems.From(outcome.Refusal));
            return;
        }

        HttpContext.Response.Headers.Location = $"/api/tenants/{request.TenantId}/invitations/{outcome.Value.Id}";
        await Send.ResponseAsync(InvitationResponse.From(outcome.Value, time.GetUtcNow()), StatusCodes.Status202Accepted, ct);
    }
}
