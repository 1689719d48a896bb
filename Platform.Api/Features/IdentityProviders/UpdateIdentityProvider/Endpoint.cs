using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders.UpdateIdentityProvider;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, SecretReferences secrets,
    ProviderAllowList allowedDestinations, TimeProvider time) : Endpoint<Request, IdentityProviderResponse>
{
    public override void Configure()
    {
        Patch("/api/tenants/{tenantId}/identity-providers/{providerId}");
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary =
            "Change an identity provider (tenant admins); a change of kind, issuer, client, secret reference or audience returns it to Configured");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var provider = await IdentityProviderLookup.FindAsync(database, request, tracked: true, ct);
        if (provider is null)
        {
            await Send.ResultAsync(ApiProblems.NotFound("identity provider"));
            return;
        }

        var connection = request.Connection(provider);
        var policy = request.Policy(provider);
        if (await IdentityProviderInput.ProblemAsync(request.TenantId, connection, policy, database, secrets, allowedDestinations, ct,
                provider.ClientSecretReference) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }

        if (connection.Issuer != provider.Issuer && await IdentityProviderInput.IssuerTakenAsync(database, connection.Issuer, provider.Id, ct))
        {
            await Send.ResultAsync(IdentityProviderInput.IssuerConflict());
            return;
        }

        var before = IdentityProviderAudit.Snapshot(provider);
        await database.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            if (request.Name is { } name)
            {
                provider.Rename(name, now);
            }

            provider.Reconfigure(connection, now);
            provider.ChangePolicy(policy, now);
            await IdentityProviderAudit.AppendAsync(audit, principal, provider, "updated", before, IdentityProviderAudit.Snapshot(provider), ct);
            return provider;
        }, ct);
        await Send.OkAsync(IdentityProviderResponse.From(provider), ct);
    }
}
