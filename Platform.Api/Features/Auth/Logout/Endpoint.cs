using FastEndpoints;
using Platform.Api.Authentication;
using Platform.Core.Identity;

namespace Platform.Api.Features.Auth.Logout;

public sealed class Endpoint(SessionAuthentication sessions) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/auth/logout");
        Summary(summary => summary.Summary = "End the current session; its token stops working at once");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // A provider's access token is no session: it ends at the provider, not here.
        if (HttpContext.Items[typeof(Session)] is not Session session)
        {
            await Send.ResultAsync(Problems.ApiProblems.NotASession());
            return;
        }

        await sessions.LogoutAsync(session, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        await Send.NoContentAsync(ct);
    }
}
