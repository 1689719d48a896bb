using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Authorization;
using Platform.Core.Persistence;

namespace Platform.Api.Features.Tokens.ListTokens;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal) : Endpoint<Request, Page<TokenResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants/{tenantId}/tokens");
        Options(route => route.RequirePermission(Permission.TenantRead).RejectApiTokens());
        Summary(summary => summary.Summary = "API tokens of the tenant: the caller's own; all of the tenant's for tenant admins, service accounts' included, each with its owner. Never the secrets");
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var all = principal.Access.SeesWholeTenant;
        var userId = principal.UserId;
        var query = database.ApiTokens
            .Where(token => all || token.OwnerUserId == userId)
            .Join(database.Users, token => token.OwnerUserId, owner => owner.Id, (token, owner) => new { token, owner.Kind })
            .OrderBy(row => row.token.Id);
        await Send.OkAsync(await query.ToPageAsync(request, row => TokenResponse.From(row.token, row.Kind), ct), ct);
    }
}
