using Platform.Core.Tenancy;

namespace Platform.Api.Features.Tenants;

public sealed record TenantResponse(Guid Id, string Slug, string Name, string Status, TenantSettingsBody Settings, DateTimeOffset CreatedAt)
{
    public static TenantResponse From(Tenant tenant) =>
        new(tenant.Id, tenant.Slug, tenant.Name, tenant.Status.ToString(), new TenantSettingsBody(tenant.Settings.RequireMfa), tenant.CreatedAt);
}

/// <param name="RequireMfa">Local users of the tenant must use TOTP at login.</param>
public sealed record TenantSettingsBody(bool RequireMfa);
