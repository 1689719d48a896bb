using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.ServiceAccounts;

/// <summary>A tenant with an admin, and service accounts and their tokens made through the API as that admin.</summary>
internal sealed class ServiceAccountApi(PlatformAppFixture fixture, TestTenantSeeder seeder, Guid tenant, Guid organization, HttpClient admin)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public TestTenantSeeder Seeder { get; } = seeder;

    public Guid Tenant { get; } = tenant;

    public Guid Organization { get; } = organization;

    public HttpClient Admin { get; } = admin;

    public string Root => $"/api/tenants/{Tenant}";

    public static DateTimeOffset InAMonth => DateTimeOffset.UtcNow.AddDays(30);

    public static async Task<ServiceAccountApi> StartAsync(PlatformAppFixture fixture)
    {
        var seeder = new TestTenantSeeder(fixture);
        var tenant = await seeder.CreateTenantAsync();
        var organization = await seeder.CreateOrganizationAsync(tenant);
        var admin = await seeder.LoginAsync(await seeder.CreateUserAsync(tenant, TenantRole.Admin));
        return new ServiceAccountApi(fixture, seeder, tenant, organization, admin);
    }

    public async Task<Guid> CreateAsync(TenantRole role, string? name = null)
    {
        using var response = await Admin.PostAsJsonAsync($"{Root}/service-accounts",
            new { name = name ?? "robot-" + Guid.NewGuid().ToString("N")[..8], description = "Test service account", role = role.ToString() }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
    }

    public async Task<HttpResponseMessage> PostTokenAsync(Guid serviceAccount, params string[] scopes) =>
        await Admin.PostAsJsonAsync($"{Root}/service-accounts/{serviceAccount}/tokens",
            new { name = "Robot token", scopes, expiresAt = InAMonth }, Ct);

    public async Task<(string Id, string Secret)> CreateTokenAsync(Guid serviceAccount, params string[] scopes)
    {
        using var response = await PostTokenAsync(serviceAccount, scopes);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (body["apiToken"]!["id"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>Gives the account an organization grant through the API's grant route, as for any member.</summary>
    public async Task GrantAsync(Guid serviceAccount, string access)
    {
        using var response = await Admin.PutAsJsonAsync($"{Root}/organizations/{Organization}/grants/{serviceAccount}",
            new { access, canExport = false }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"grant: {(int)response.StatusCode}");
    }

    public HttpClient TokenClient(string secret)
    {
        var http = fixture.CreateApiClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }

    public object NewDevice() => new
    {
        devEui = TestTenantSeeder.RandomDevEui(),
        name = "Robot device",
        organizationId = Organization,
        networkServer = new { kind = "ChirpStack", applicationId = Guid.NewGuid() },
    };

    public async Task<JsonArray> AuditAsync()
    {
        var page = await Admin.GetFromJsonAsync<JsonObject>($"{Root}/audit?limit=500", Ct);
        return page!["items"]!.AsArray();
    }
}
