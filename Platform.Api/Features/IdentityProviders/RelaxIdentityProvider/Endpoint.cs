using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders.RelaxIdentityProvider;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<IdentityProviderRequest, IdentityProviderResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/identity-providers/{providerId}/relax");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary = "End enforcement: local passwords of the tenant's users work again; the provider stays enabled (tenant admins)");
    }

    public override async Task HandleAsync(IdentityProviderRequest request, CancellationToken ct)
    {
        var (problem, provider) = await IdentityProviderTransition.ApplyAsync(database, audit, principal, request, "relaxed",
            changed => changed.Relax(time.GetUtcNow()), ct);
        await (problem is not null ? Send.ResultAsync(problem) : Send.OkAsync(IdentityProviderResponse.From(provider!), ct));
    }
}
