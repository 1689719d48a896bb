using FastEndpoints;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders.CreateIdentityProvider;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, SecretReferences secrets,
    ProviderAllowList allowedDestinations, TimeProvider time) : Endpoint<Request, IdentityProviderResponse>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/identity-providers");
        // Who may sign in and as what is member administration; never through an API token.
        Options(route => route.RequirePermission(Permission.MembersManage).RejectApiTokens());
        Summary(summary => summary.Summary =
            "Register an identity provider of the tenant (tenant admins); it starts as Configured and needs a test sign-in before it is enabled");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var connection = request.Connection();
        var policy = request.Policy();
        if (await IdentityProviderInput.ProblemAsync(request.TenantId, connection, policy, database, secrets, allowedDestinations, ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }

        if (await IdentityProviderInput.IssuerTakenAsync(database, connection.Issuer, null, ct))
        {
            await Send.ResultAsync(IdentityProviderInput.IssuerConflict());
            return;
        }

        var provider = await database.InTransactionAsync(async () =>
        {
            var created = new TenantIdentityProvider(request.TenantId, request.Name, connection, policy, time.GetUtcNow());
            database.IdentityProviders.Add(created);
            await IdentityProviderAudit.AppendAsync(audit, principal, created, "created", null, IdentityProviderAudit.Snapshot(created), ct);
            return created;
        }, ct);
        await Send.CreatedAtAsync<GetIdentityProvider.Endpoint>(new { request.TenantId, ProviderId = provider.Id },
            IdentityProviderResponse.From(provider), cancellation: ct);
    }
}
