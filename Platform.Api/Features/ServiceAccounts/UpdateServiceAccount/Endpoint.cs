using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.ServiceAccounts.UpdateServiceAccount;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, ServiceAccountResponse>
{
    public override void Configure()
    {
        Patch("/api/tenants/{tenantId}/service-accounts/{serviceAccountId}");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary =
            "Rename, describe or change the role of a service account (tenant admins); its tokens follow the new role on their next request");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        // Tokens are already refused on this route; the rule still holds should that ever change.
        if (request.Role is { } newRole && DelegatedGrantRule.RefuseTenantRole(newRole, principal.IsDelegatedCredential) is { } refusal)
        {
            await Send.ResultAsync(ApiProblems.BeyondCredentialRights(refusal));
            return;
        }

        var rows = await database.FindServiceAccountAsync(request.TenantId, request.ServiceAccountId, ct);
        if (rows is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("service account"));
            return;
        }

        var (account, user, membership) = rows;
        var before = ServiceAccountSnapshot.Of(user, account, membership);
        if (request.Name is not null)
        {
            user.Rename(request.Name);
        }

        if (request.Description is not null)
        {
            account.Describe(request.Description, time.GetUtcNow());
        }

        if (request.Role is { } role)
        {
            membership.ChangeRole(role);
        }

        var after = ServiceAccountSnapshot.Of(user, account, membership);
        if (after != before)
        {
            account.Touch(time.GetUtcNow());
            await database.InTransactionAsync(async () =>
            {
                await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "service-account.updated",
                    "service_account", account.Id.ToString(), before, after, principal.ClientAddress), ct);
                return account;
            }, ct);
        }

        await Send.OkAsync(ServiceAccountResponse.From(rows), ct);
    }
}
