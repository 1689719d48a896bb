using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Features.Tokens;
using Platform.Api.Paging;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.ServiceAccounts.ListServiceAccountTokens;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<Request, Page<TokenResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/service-accounts/{serviceAccountId}/tokens");
        Options(route => route.RequirePermission(Permission.MembersRead).RejectApiTokens());
        Summary(summary => summary.Summary = "API tokens of a service account (tenant admins); never the secrets. Revoke with DELETE …/tokens/{tokenId}");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (!await database.ServiceAccounts.AnyAsync(account => account.TenantId == request.TenantId && account.Id == request.ServiceAccountId, ct))
        {
            await Send.ResultAsync(ApiProblems.NotFound("service account"));
            return;
        }

        var query = database.ApiTokens
            .Where(token => token.TenantId == request.TenantId && token.OwnerUserId == request.ServiceAccountId)
            .OrderBy(token => token.Id);
        await Send.OkAsync(await query.ToPageAsync(request, token => TokenResponse.From(token, UserKind.ServiceAccount), ct), ct);
    }
}
