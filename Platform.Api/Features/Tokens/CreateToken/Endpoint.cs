using FastEndpoints;
using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Authorization;
using Platform.Core.Identity;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Tokens.CreateToken;

public sealed class Endpoint(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal, TimeProvider time)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/tenants/{tenantId}/tokens");
        Options(route => route.RequirePermission(Permission.TenantRead).RejectApiTokens());
        Summary(summary => summary.Summary = "Create an API token of the caller in this tenant; the secret is in this answer only");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (request.ExpiresAt is not { } expiresAt || expiresAt <= now || expiresAt > now + ApiToken.MaxLifetime)
        {
            await Send.ResultAsync(ApiProblems.Invalid("expiresAt", "The expiry must be in the future and at most a year away."));
            return;
        }

        // A scope the caller has no use of now would only confuse: refused rather than kept idle.
        var scopes = request.Scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (scopes.FirstOrDefault(scope => !ApiTokenScopes.IsWithin(scope, principal.Access)) is { } beyond)
        {
            await Send.ResultAsync(ApiProblems.Invalid("scopes", $"Your current rights in this tenant give no use of the scope {beyond}."));
            return;
        }

        var secret = OpaqueToken.Create(OpaqueToken.ApiTokenPrefix);
        var token = await database.InTransactionAsync(async () =>
        {
            var created = new ApiToken(request.TenantId, secret.Id, secret.Hash(), principal.UserId, request.Name.Trim(), scopes, now, expiresAt);
            database.ApiTokens.Add(created);
            await audit.AppendAsync(new AuditRecord(request.TenantId, principal.AuditActor, "token.created", "api_token", created.Id,
                After: AuditJson.Of(new { created.Name, created.OwnerUserId, created.Scopes, created.ExpiresAt }),
                ClientAddress: principal.ClientAddress), ct);
            return created;
        }, ct);
        await Send.ResponseAsync(new Response(TokenResponse.From(token), secret.Value), StatusCodes.Status201Created, ct);
    }
}
