using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants;

public sealed record TenantResponse(Guid Id, string Slug, string Name, string Status, DateTimeOffset CreatedAt)
{
    public static TenantResponse From(Tenant tenant) => new(tenant.Id, tenant.Slug, tenant.Name, tenant.Status.ToString(), tenant.CreatedAt);
}
