using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.ServiceAccounts.ListServiceAccounts;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<Request, Page<ServiceAccountResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/service-accounts");
        // Like the token routes: managing principals and their credentials is not for API tokens.
        Options(route => route.RequirePermission(Permission.MembersRead).RejectApiTokens());
        Summary(summary => summary.Summary = "The tenant's service accounts with their roles (tenant admins)");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var query = database.ServiceAccountsOf(request.TenantId).AsNoTracking();
        await Send.OkAsync(await query.ToPageAsync(request, ServiceAccountResponse.From, ct), ct);
    }
}
