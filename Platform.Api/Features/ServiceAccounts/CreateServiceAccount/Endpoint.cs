using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.ServiceAccounts.CreateServiceAccount;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, ServiceAccountResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/service-accounts");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary =
            "Create a service account with a tenant role (tenant admins): no password, no login; it acts through API tokens only");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        // Tokens are already refused on this route; the rule still holds should that ever change.
        if (DelegatedGrantRule.RefuseTenantRole(request.Role, principal.IsDelegatedCredential) is { } refusal)
        {
            await Send.ResultAsync(ApiProblems.BeyondCredentialRights(refusal));
            return;
        }

        var (user, account, membership) = ServiceAccount.Create(
            request.TenantId, request.Name, request.Description, request.Role, time.GetUtcNow());
        await database.InTransactionAsync(async () =>
        {
            database.Users.Add(user);
            database.ServiceAccounts.Add(account);
            database.TenantMemberships.Add(membership);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "service-account.created", "service_account",
                account.Id.ToString(), After: ServiceAccountSnapshot.Of(user, account, membership), ClientAddress: principal.ClientAddress), ct);
            return account;
        }, ct);
        await Send.CreatedAtAsync<GetServiceAccount.Endpoint>(new { request.TenantId, ServiceAccountId = account.Id },
            ServiceAccountResponse.From(new ServiceAccountRows(account, user, membership)), cancellation: ct);
    }
}
