using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders.ListIdentityProviders;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<Request, Page<IdentityProviderResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/identity-providers");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary = "The tenant's identity providers with their rollout states (tenant admins); never a secret");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var query = database.IdentityProviders
            .Where(provider => provider.TenantId == request.TenantId)
            .OrderBy(provider => provider.CreatedAt).ThenBy(provider => provider.Id);
        await Send.OkAsync(await query.ToPageAsync(request, IdentityProviderResponse.From, ct), ct);
    }
}
