using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Identity;

namespace Platform.Api.Features.Tokens.CreateToken;

public sealed class Endpoint(TokenIssuance issuance, CurrentPrincipal principal) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/tokens");
        Options(route => route.RequirePermission(Permission.TenantRead).RejectApiTokens());
        Summary(summary => summary.Summary = "Create an API token of the caller in this tenant; the secret is in this answer only");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (token, secret, problem) = await issuance.IssueAsync(request, principal.UserId, principal.Access, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.ResponseAsync(new Response(TokenResponse.From(token!, UserKind.Person), secret!), StatusCodes.Status201Created, ct);
    }
}
