using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders.DeleteIdentityProvider;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal) : Endpoint<IdentityProviderRequest>
{
    public override void Configure()
    {
        Delete("/api/tenants/{tenantId}/identity-providers/{providerId}");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary =
            "Delete an identity provider (tenant admins): nobody signs in through it any more, and its enforcement ends");
    }

    public override async Task HandleAsync(IdentityProviderRequest request, CancellationToken ct)
    {
        var provider = await IdentityProviderLookup.FindAsync(database, request, tracked: true, ct);
        if (provider is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("identity provider"));
            return;
        }

        await database.InTransactionAsync(async () =>
        {
            database.IdentityProviders.Remove(provider);
            await IdentityProviderAudit.AppendAsync(audit, principal, provider, "deleted", IdentityProviderAudit.Snapshot(provider), null, ct);
            return provider;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
