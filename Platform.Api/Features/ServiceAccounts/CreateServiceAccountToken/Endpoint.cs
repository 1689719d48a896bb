using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Features.Tokens;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using TokenCreated = Platform.Api.Features.Tokens.CreateToken.Response;

namespace Platform.Api.Features.ServiceAccounts.CreateServiceAccountToken;

public sealed class Endpoint(PlatformDbContext database, TenantAccessLoader accessLoader, TokenIssuance issuance)
    : Endpoint<Request, TokenCreated>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/service-accounts/{serviceAccountId}/tokens");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary =
            "Create an API token of a service account (tenant admins); scopes within the account's current rights; the secret is in this answer only");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (!await database.ServiceAccounts.AnyAsync(account => account.TenantId == request.TenantId && account.Id == request.ServiceAccountId, ct))
        {
            await Send.ResultAsync(ApiProblems.NotFound("service account"));
            return;
        }

        // The same rule as for a person's own token, applied to the account's rights, not the admin's.
        var access = await accessLoader.LoadAsync(request.TenantId, request.ServiceAccountId, PlatformRole.None, ct);
        var (token, secret, problem) = await issuance.IssueAsync(request, request.ServiceAccountId, access, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }

        await Send.ResponseAsync(new TokenCreated(TokenResponse.From(token!, UserKind.ServiceAccount), secret!),
            StatusCodes.Status201Created, ct);
    }
}
