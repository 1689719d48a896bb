using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders.GetIdentityProvider;

public sealed class Endpoint(PlatformDbContext database) : Endpoint<IdentityProviderRequest, IdentityProviderResponse>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/identity-providers/{providerId}");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary = "One identity provider of the tenant (tenant admins); the secret's reference, never the secret");
    }

    public override async Task HandleAsync(IdentityProviderRequest request, CancellationToken ct)
    {
        var provider = await IdentityProviderLookup.FindAsync(database, request, tracked: false, ct);
        await (provider is null
            ? Send.ResultAsync(ApiProblems.NotFound("identity provider"))
            : Send.OkAsync(IdentityProviderResponse.From(provider), ct));
    }
}
