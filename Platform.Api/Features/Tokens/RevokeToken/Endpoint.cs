using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Tokens.RevokeToken;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/tokens/{tokenId}");
        Options(route => route.RequirePermission(Permission.TenantRead).RejectApiTokens());
        Summary(summary => summary.Summary = "Revoke an API token: one's own, or any of the tenant's as tenant admin; effective on the next request");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var all = principal.Access.SeesWholeTenant;
        var userId = principal.UserId;
        var token = await database.ApiTokens
            .SingleOrDefaultAsync(token => token.Id == request.TokenId && (all || token.OwnerUserId == userId), ct);
        if (token is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("token"));
            return;
        }

        if (token.RevokedAt is null)
        {
            await database.InTransactionAsync(async () =>
            {
                token.Revoke(time.GetUtcNow());
                await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "token.revoked", "api_token", token.Id,
                    AuditJson.Of(new { token.Name, token.OwnerUserId }), null, principal.ClientAddress), ct);
                return token;
            }, ct);
        }

        await Send.NoContentAsync(ct);
    }
}
