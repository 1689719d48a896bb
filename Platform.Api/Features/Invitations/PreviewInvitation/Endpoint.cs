using Platform.Api.Requests;
using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Api.Problems;
using UseCase = Platform.Core.Tenancy.Invitations.PreviewInvitation;

namespace Platform.Api.Features.Invitations.PreviewInvitation;

public sealed class Endpoint(UseCase preview) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/invitations/preview");
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(LoginRateLimit.InvitationPolicyName).TakeSecretsInBodyOnly());
        Summary(summary =>
        {
            summary.Summary = "What an invitation link offers, for the page the link opens (anyone holding the link)";
            summary.Description = "The secret travels in the body, never in a URL. Every link that does not work (unknown, used, revoked, "
                + "expired) gets the same 404, type invitation-not-found.";
            summary.Response<Response>(200, "The invitation");
            summary.Response(404, "The link does not work");
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var outcome = await preview.ExecuteAsync(request.Token, ct);
        if (!outcome.Succeeded)
        {
            await Send.ResultAsync(RefusalProblems.From(outcome.Refusal));
            return;
        }

        await Send.OkAsync(new Response(outcome.Value.TenantName, outcome.Value.Email, outcome.Value.Role, outcome.Value.ExpiresAt,
                outcome.Value.Account.ToString().ToLowerInvariant(), outcome.Value.SuggestedDisplayName), ct);
    }
}
