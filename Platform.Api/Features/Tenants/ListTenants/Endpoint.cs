using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Tenancy;
using Platform.Core.Identity;
using Platform.Core.Persistence;
using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants.ListTenants;

public sealed class Endpoint(PlatformDbContext database, CurrentPrincipal principal, DataScope scope)
    : Endpoint<PagedRequest, Page<TenantResponse>>
{
    public override void Configure()
    {
        Get("/api/tenants");
        Summary(summary => summary.Summary = "Platform admins: every tenant. Everyone else: the tenants they are a member of");
    }

    public override async Task HandleAsync(PagedRequest request, CancellationToken ct)
    {
        if (principal.PlatformRole == PlatformRole.Admin)
        {
            // Tenant records are the platform's own data; listing them needs the platform scope.
            scope.EnterPlatformScope();
        }

        // A session opened through a tenant's provider lists that tenant only.
        var bound = principal.BoundTenantId;
        var page = await database.Tenants.Where(tenant => bound == null || tenant.Id == bound)
            .OrderBy(tenant => tenant.Slug).ToPageAsync(request, TenantResponse.From, ct);
        await Send.OkAsync(page, ct);
    }
}

public sealed class Validator : Validator<PagedRequest>
{
    public Validator() => Include(new PagedRequestValidator());
}
