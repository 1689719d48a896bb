using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.ServiceAccounts.GetServiceAccount;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<ServiceAccountRequest, ServiceAccountResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/service-accounts/{serviceAccountId}");
        Options(route => route.RequirePermission(Permission.MembersRead).RejectApiTokens());
        Summary(summary => summary.Summary = "One service account of the tenant (tenant admins)");
    }

    public override async Task HandleAsync(ServiceAccountRequest request, CancellationToken ct)
    {
        var account = await database.FindServiceAccountAsync(request.TenantId, request.ServiceAccountId, ct);
        if (account is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("service account"));
            return;
        }

        await Send.OkAsync(ServiceAccountResponse.From(account), ct);
    }
}
