using Platform.Api.Requests;
using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Api.Problems;
using Platform.Core.Tenancy.Invitations;
using UseCase = Platform.Core.Tenancy.Invitations.AcceptInvitation;

namespace Platform.Api.Features.Invitations.AcceptInvitation;

public sealed class Endpoint(UseCase accept) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/invitations/accept");
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(LoginRateLimit.InvitationPolicyName).TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "Accept an invitation with the link's secret (anyone holding the link)";
            summary.Description = "A new address chooses a password (and optionally a display name); an address with an account joins with no "
                + "password; an address whose account nobody confirmed sets a new password, and that account's old password, sessions, "
                + "API tokens, MFA and linked identities end. Then sign in at /api/auth/login.";
            summary.Response<Response>(200, "Accepted: the membership exists");
            summary.Response(400, "The password or display name is not acceptable (errors name the field)");
            summary.Response(404, "The link does not work (type invitation-not-found)");
            summary.Response(409, "Already a member, or the account changed meanwhile");
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var outcome = await accept.ExecuteAsync(new AcceptInvitationRequest(request.Token, request.Password, request.DisplayName),
            HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (!outcome.Succeeded)
        {
            await Send.ResultAsync(RefusalProblems.From(outcome.Refusal));
            return;
        }

        await Send.OkAsync(new Response(outcome.Value.TenantId, outcome.Value.TenantName, outcome.Value.Email,
                outcome.Value.Account.ToString().ToLowerInvariant()), ct);
    }
}
