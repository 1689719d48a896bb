using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.ServiceAccounts.DeleteServiceAccount;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal)
    : Endpoint<ServiceAccountRequest>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/service-accounts/{serviceAccountId}");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary =
            "Delete a service account with its grants and API tokens (tenant admins); its tokens fail from the next request on");
    }

    public override async Task HandleAsync(ServiceAccountRequest request, CancellationToken ct)
    {
        var rows = await database.ServiceAccountsOf(request.TenantId, request.ServiceAccountId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (rows is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("service account"));
            return;
        }

        var id = rows.Account.Id;
        await database.InTransactionAsync(async () =>
        {
            // Each live token is recorded as revoked, as if revoked one by one; the rows then go with the
            // account's user, which the database cascades to its membership, grants, tokens and account row.
            var live = await database.ApiTokens.AsNoTracking()
                .Where(token => token.OwnerUserId == id && token.RevokedAt == null)
                .Select(token => new { token.Id, token.Name, token.OwnerUserId })
                .ToListAsync(ct);
            foreach (var token in live)
            {
                await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "token.revoked", "api_token", token.Id,
                    AuditJson.Of(new { token.Name, token.OwnerUserId }), null, principal.ClientAddress), ct);
            }

            await database.Users.Where(user => user.Id == id).ExecuteDeleteAsync(ct);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "service-account.deleted", "service_account",
                id.ToString(), ServiceAccountSnapshot.Of(rows.User, rows.Account, rows.Membership), null, principal.ClientAddress), ct);
            return id;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
