using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Members;

/// <summary>A fresh tenant with one logged-in admin, the starting point of the member and audit tests.</summary>
public sealed record TenantAdminScenario(Guid TenantId, SeededUser Admin, HttpClient AdminHttp)
{
    public string Route(string path = "") => $"/api/tenants/{TenantId}{path}";

    public static async Task<TenantAdminScenario> CreateAsync(TestTenantSeeder seeder, string? tenantName = null)
    {
        var tenant = await seeder.CreateTenantAsync(tenantName);
        var admin = await seeder.CreateUserAsync(tenant, TenantRole.Admin);
        return new TenantAdminScenario(tenant, admin, await seeder.LoginAsync(admin));
    }

    /// <summary>The tenant's audit events with one action, newest first.</summary>
    public async Task<JsonArray> AuditEventsAsync(string action)
    {
        var page = await AdminHttp.GetFromJsonAsync<JsonObject>(Route($"/audit?action={action}&limit=500"),
            TestContext.Current.CancellationToken);
        return page!["items"]!.AsArray();
    }
}
