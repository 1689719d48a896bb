using Platform.Core.Tenancy.Members;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.ServiceAccounts.DeleteServiceAccount;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, ApiTokenAuthentication apiTokens)
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
            // Each live token is recorded as revoked; the rows then go with the account's user, which the
            // database cascades to its membership, grants, tokens and account row.
            await RevokedTokensAudit.AppendAsync(audit, principal.Actor, request.TenantId, await apiTokens.RevokeAllAsync(request.TenantId, id, ct), ct);

            await database.Users.Where(user => user.Id == id).ExecuteDeleteAsync(ct);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "service-account.deleted", "service_account",
                id.ToString(), ServiceAccountSnapshot.Of(rows.User, rows.Account, rows.Membership), null, principal.ClientAddress), ct);
            return id;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
